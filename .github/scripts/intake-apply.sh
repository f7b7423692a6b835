#!/usr/bin/env bash
# Carries out `pipeline intake`'s plan for one issue or issue-comment event. Every decision
# (what the form asks for, whether it is valid, the reply, the files) is made by
# `pipeline intake`, which is tested; this script only runs git and gh:
#
# - one branch, intake/issue-<N>, and one pull request per issue: opened on the first valid
#   submission, updated when the issue is edited, closed when the issue is closed;
# - one reply per issue, marked <!-- pipeline-intake -->, edited in place;
# - it never merges.
#
# Usage: intake-apply.sh EVENT_FILE   (in Actions: "$GITHUB_EVENT_PATH")
# Environment: BASE_BRANCH (the default branch), GH_REPO (owner/name), GH_TOKEN for gh,
# REGISTER_FILE (optional: mySociety's register CSV), RUNNER_TEMP (a scratch folder).
#
# The records are read from a separate work tree, so this script and the installed Pipeline
# always come from the default branch. Issue events start from the default branch (the form
# is the whole request); comment commands build on the issue's branch when it exists, so
# `/update` then `/reviewed` end up in one pull request.
set -euo pipefail

event_file=$1
base_branch=${BASE_BRANCH:?set BASE_BRANCH to the default branch}
temp=${RUNNER_TEMP:-$(mktemp -d)}

issue=$(jq -r '.issue.number' "${event_file}")
if ! [[ "${issue}" =~ ^[0-9]+$ ]]; then
  echo "The event has no issue number." >&2
  exit 1
fi
branch="intake/issue-${issue}"
work="${temp}/intake-records-${issue}"
plan="${temp}/intake-plan-${issue}.json"

gh auth setup-git
git fetch --quiet origin "+refs/heads/${base_branch}:refs/remotes/origin/${base_branch}"
has_branch=false
if git fetch --quiet origin "+refs/heads/${branch}:refs/remotes/origin/${branch}" 2>/dev/null; then
  has_branch=true
fi
start="origin/${base_branch}"
if [[ "$(jq -r '.comment != null' "${event_file}")" == true && "${has_branch}" == true ]]; then
  start="origin/${branch}"
fi
rm -rf "${work}"
git worktree add --quiet --detach "${work}" "${start}"

register=()
if [[ -n "${REGISTER_FILE:-}" && -s "${REGISTER_FILE}" ]]; then
  register=(--register "${REGISTER_FILE}")
fi
pipeline intake "${event_file}" --root "${work}" --apply "${register[@]}" > "${plan}"

kind=$(jq -r '.kind' "${plan}")
echo "Issue #${issue}: ${kind}, ok=$(jq -r '.ok' "${plan}"), files=$(jq '.files | length' "${plan}")"
open_pr=$(gh pr list --head "${branch}" --state open --json number --jq '.[0].number // empty')

if [[ "$(jq -r '.close' "${plan}")" == true ]]; then
  if [[ -n "${open_pr}" ]]; then
    gh pr close "${open_pr}" --delete-branch \
      --comment "The issue this came from was closed, so this pull request is closed too."
  fi
  exit 0
fi
if [[ "${kind}" == ignore ]]; then
  exit 0
fi

# The reply: one comment per issue, edited in place.
jq -r '.comment' "${plan}" > "${temp}/intake-reply.md"
if [[ -s "${temp}/intake-reply.md" ]]; then
  reply_id=$(gh api "repos/${GH_REPO}/issues/${issue}/comments" --paginate \
    --jq '.[] | select(.user.type == "Bot" and (.body | startswith("<!-- pipeline-intake -->"))) | .id' \
    | head -n 1)
  if [[ -n "${reply_id}" ]]; then
    gh api --method PATCH "repos/${GH_REPO}/issues/comments/${reply_id}" \
      -F "body=@${temp}/intake-reply.md" > /dev/null
  else
    gh issue comment "${issue}" --body-file "${temp}/intake-reply.md"
  fi
fi

if [[ "$(jq -r '.ok' "${plan}")" != true || "$(jq '.files | length' "${plan}")" == 0 ]]; then
  exit 0
fi

# The change: written by `pipeline intake --apply`; only the plan's own paths are committed.
cd "${work}"
git checkout --quiet -B "${branch}"
while IFS= read -r path; do
  if ! [[ "${path}" =~ ^(projects|councils|makerdays)/[a-z0-9-]+\.yml$ || "${path}" == .github/CODEOWNERS ]]; then
    echo "Refusing to commit ${path}: not a record." >&2
    exit 1
  fi
  git add -- "${path}"
done < <(jq -r '.files[].path' "${plan}")
if git diff --cached --quiet; then
  echo "Nothing to commit: the branch already holds this change."
  exit 0
fi
jq -r '.commit_message' "${plan}" > "${temp}/intake-commit.txt"
git -c user.name="pipeline-intake[bot]" -c user.email="pipeline-intake@users.noreply.github.com" \
  commit --quiet --file "${temp}/intake-commit.txt"
if [[ "${has_branch}" == true ]] && git diff --quiet "origin/${branch}" HEAD --; then
  echo "The branch ${branch} already holds this change."
else
  git push --quiet --force origin "HEAD:refs/heads/${branch}"
fi

# The pull request: the plan's body, then who must approve (pipeline pr-report).
{
  jq -r '.pull_request.body' "${plan}"
  echo
  pipeline pr-report --root "${work}" --base "origin/${base_branch}" --format markdown || true
} > "${temp}/intake-pr.md"
title=$(jq -r '.pull_request.title' "${plan}")
if [[ -n "${open_pr}" ]]; then
  gh pr edit "${open_pr}" --title "${title}" --body-file "${temp}/intake-pr.md"
else
  gh pr create --base "${base_branch}" --head "${branch}" --title "${title}" \
    --body-file "${temp}/intake-pr.md"
fi
