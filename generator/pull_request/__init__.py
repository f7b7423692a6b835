"""What a pull request changes, who must approve it, what to warn about, and its report."""
