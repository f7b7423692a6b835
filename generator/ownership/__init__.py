"""Who owns which record: maintainers' handles and the generated CODEOWNERS."""
