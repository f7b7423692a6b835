#!/usr/bin/env bash
# Carries out intake for one issue (an issue or comment event) or for every open intake pull
# request (when the default branch moves). Every decision (what the form asks for, which
# commands count, whether it is valid, the reply, the files) is made by `pipeline intake`,
# which is tested; this script only moves JSON between GitHub and it, and runs git and gh.
#
# An intake pull request is a pure function of the default branch, the issue and its comments:
# each run fetches the issue and all its comments and replays them on the newest default
# branch (`pipeline intake --issue --comments`), so a branch is rebuilt rather than left to
# conflict, and a run that was dropped from the queue loses nothing.
#
# The work is split in phases, so that the write token is never in the environment of the
# phase that reads issue text (the workflow runs each phase as its own step):
#
#   intake-apply.sh select EVENT_FILE   the event's issue          (no token needed)
#   intake-apply.sh select --open       every open intake/issue-N  (GH_TOKEN, read)
#   intake-apply.sh fetch               issue, comments, pull request, the author's open ones
#   intake-apply.sh askers              who wrote commands         (NO token: reads issue text)
#   intake-apply.sh access              which of them can write    (GH_TOKEN)
#   intake-apply.sh plan                pipeline intake            (NO token: reads issue text)
#   intake-apply.sh apply               commit, push, reply, open/edit/close the pull request
#
# Rules it keeps: only pull requests whose head is in this repository count (a fork's branch
# called intake/issue-N is not ours); it never force-pushes over a commit it did not make; it
# pushes only when the replay differs from what the branch would merge as; once a pull request
# is approved, a changed request dismisses the approval and says what changed; it never merges.
#
# Environment: BASE_BRANCH (the default branch), GH_REPO (owner/name), GH_TOKEN for gh (only
# in the phases that need it), INTAKE_STATE (a folder kept between phases; default
# $RUNNER_TEMP/intake), REGISTER_FILE (optional: mySociety's register CSV), BOT_LOGIN
# (optional: the GitHub App's bot, when one is used), MODE (event or rebuild, set by select).
set -euo pipefail

phase=${1:?usage: intake-apply.sh select|fetch|askers|access|plan|apply}
base_branch=${BASE_BRANCH:?set BASE_BRANCH to the default branch}
state=${INTAKE_STATE:-${RUNNER_TEMP:-/tmp}/intake}
bot_name="pipeline-intake[bot]"
bot_email="pipeline-intake@users.noreply.github.com"
mkdir -p "${state}"

issues() { cat "${state}/issues.txt" 2>/dev/null || true; }
mode() { cat "${state}/mode" 2>/dev/null || echo event; }

# The open pull request for branch $1 whose head is in this repository, or nothing.
own_pull_request() {
  gh pr list --state open --head "$1" --json number,isCrossRepository \
    --jq '[.[] | select(.isCrossRepository | not)][0].number // empty'
}

select_issues() {
  if [[ "$1" == --open ]]; then
    echo rebuild > "${state}/mode"
    gh pr list --state open --limit 1000 --json headRefName,isCrossRepository \
      --jq '.[] | select(.isCrossRepository | not) | .headRefName' \
      | sed -n 's|^intake/issue-\([0-9][0-9]*\)$|\1|p' | sort -un > "${state}/issues.txt"
  else
    echo event > "${state}/mode"
    jq -r '.issue.number' "$1" > "${state}/issues.txt"
  fi
  if grep -qv '^[0-9][0-9]*$' "${state}/issues.txt"; then
    echo "An issue number is not a number." >&2
    exit 1
  fi
  echo "Issues to replay: $(issues | tr '\n' ' ')"
}

fetch() {
  gh auth setup-git
  git fetch --quiet origin "+refs/heads/${base_branch}:refs/remotes/origin/${base_branch}"
  local open_numbers
  open_numbers=$(gh pr list --state open --limit 1000 --json headRefName,isCrossRepository \
    --jq '.[] | select(.isCrossRepository | not) | .headRefName' \
    | sed -n 's|^intake/issue-\([0-9][0-9]*\)$|\1|p' | sort -u)
  for issue in $(issues); do
    local dir="${state}/${issue}" branch="intake/issue-${issue}"
    mkdir -p "${dir}"
    gh api "repos/${GH_REPO}/issues/${issue}" > "${dir}/issue.json"
    gh api --paginate "repos/${GH_REPO}/issues/${issue}/comments" > "${dir}/comments.json"
    own_pull_request "${branch}" > "${dir}/pr"
    rm -f "${dir}/branch"
    if git fetch --quiet origin "+refs/heads/${branch}:refs/remotes/origin/${branch}" 2>/dev/null; then
      git rev-parse "origin/${branch}" > "${dir}/branch"
    fi
    # The author's other open intake pull requests (only counted before this one exists).
    local author others=0
    author=$(jq -r '.user.login // empty' "${dir}/issue.json")
    if [[ ! -s "${dir}/pr" && "${author}" =~ ^[A-Za-z0-9-]{1,39}$ ]]; then
      others=$(comm -12 <(echo "${open_numbers}") \
        <(gh issue list --author "${author}" --state open --limit 1000 --json number \
          --jq '.[].number' | sort -u) | grep -E '^[0-9]+$' | grep -cvx "${issue}" || true)
    fi
    echo "${others}" > "${dir}/open-by-author"
  done
}

# The issue's author and everyone whose comment may hold a command: a line starting with one,
# loosely (pipeline intake decides what counts), so that only their access is asked about.
askers() {
  for issue in $(issues); do
    local dir="${state}/${issue}"
    {
      jq -r 'select(.user.type != "Bot") | .user.login // empty' "${dir}/issue.json"
      jq -r '.[] | select(.user.type != "Bot")
        | select((.body // "") | test("(^|\n) {0,3}/(reviewed|update|retire)([ \t:\r]|$)"; "i"))
        | .user.login // empty' "${dir}/comments.json"
    } | awk '!seen[$0]++' | head -n 100 > "${dir}/askers.txt"
  done
}

access() {
  for issue in $(issues); do
    local dir="${state}/${issue}"
    : > "${dir}/writers.txt"
    while IFS= read -r login; do
      [[ "${login}" =~ ^[A-Za-z0-9-]{1,39}$ ]] || continue
      # admin or write (maintain is reported as write); a stranger is read or none.
      permission=$(gh api "repos/${GH_REPO}/collaborators/${login}/permission" \
        --jq '.permission' 2>/dev/null || echo none)
      if [[ "${permission}" == admin || "${permission}" == write ]]; then
        echo "${login}" >> "${dir}/writers.txt"
      fi
    done < "${dir}/askers.txt"
  done
}

plan() {
  local register=() bots=()
  if [[ -n "${REGISTER_FILE:-}" && -s "${REGISTER_FILE}" ]]; then
    register=(--register "${REGISTER_FILE}")
  fi
  if [[ -n "${BOT_LOGIN:-}" ]]; then
    bots=(--bot "${BOT_LOGIN}")
  fi
  git worktree prune
  for issue in $(issues); do
    rm -rf "${state}/${issue}/work"
    git worktree add --quiet --detach "${state}/${issue}/work" "origin/${base_branch}"
  done
  # Every issue in one run of Pipeline: FOLDER/N/plan.json, and the files in FOLDER/N/work.
  pipeline intake --batch "${state}" "${register[@]}" "${bots[@]}"
}

# The reply: one comment per issue, marked, edited in place, and only when it changes.
reply() {
  local issue=$1 file=$2 reply_id current
  [[ -s "${file}" ]] || return 0
  # Only the bot's own reply: another app's comment that starts with the marker is not ours.
  reply_id=$(gh api --paginate "repos/${GH_REPO}/issues/${issue}/comments" \
    | jq -r --arg actions "github-actions[bot]" --arg app "${BOT_LOGIN:-github-actions[bot]}" \
      '.[] | select((.user.login == $actions or .user.login == $app)
        and (.body | startswith("<!-- pipeline-intake -->"))) | .id' \
    | head -n 1)
  if [[ -z "${reply_id}" ]]; then
    gh issue comment "${issue}" --body-file "${file}" > /dev/null
    return 0
  fi
  current=$(gh api "repos/${GH_REPO}/issues/comments/${reply_id}" --jq '.body')
  if [[ "${current}" != "$(cat "${file}")" ]]; then
    gh api --method PATCH "repos/${GH_REPO}/issues/comments/${reply_id}" -F "body=@${file}" > /dev/null
  fi
}

close_pull_request() {
  local pr=$1 branch=$2 why=$3
  gh pr close "${pr}" --comment "${why}"
  git push --quiet origin --delete "${branch}" 2>/dev/null || true
}

# Lines a branch adds and removes, without line numbers: the same request on a newer base
# gives the same lines.
change_lines() {
  git diff -U0 "$1" "$2" -- | grep -E '^[-+]' | grep -vE '^(\+\+\+|---) ' || true
}

apply_one() {
  local issue=$1 dir="${state}/$1" branch="intake/issue-$1"
  local plan="${dir}/plan.json" pr old=""
  pr=$(cat "${dir}/pr")
  [[ -s "${dir}/branch" ]] && old=$(cat "${dir}/branch")
  if [[ "$(jq -r '.close' "${plan}")" == true ]]; then
    [[ -n "${pr}" ]] && close_pull_request "${pr}" "${branch}" \
      "The issue this came from was closed, so this pull request is closed too."
    return 0
  fi
  [[ "$(jq -r '.kind' "${plan}")" == ignore ]] && return 0
  jq -r '.comment' "${plan}" > "${dir}/reply.md"

  if [[ "$(jq -r '.ok' "${plan}")" != true || "$(jq '.files | length' "${plan}")" == 0 ]]; then
    if [[ -n "${pr}" && ( "$(mode)" == rebuild || "$(jq -r '.ok' "${plan}")" == true ) ]]; then
      # No longer valid on the new default branch, or nothing left to change: say why.
      reply "${issue}" "${dir}/reply.md"
      close_pull_request "${pr}" "${branch}" \
        "This request no longer makes a change to the records as they are now; the issue says why."
      return 0
    fi
    reply "${issue}" "${dir}/reply.md"
    return 0
  fi

  # The change, on the newest default branch; only the plan's own paths are committed.
  (
    cd "${dir}/work"
    git checkout --quiet -B "${branch}"
    while IFS= read -r path; do
      if ! [[ "${path}" =~ ^(projects|councils|makerdays)/[a-z0-9]+(-[a-z0-9]+)*\.yml$ || "${path}" == .github/CODEOWNERS ]]; then
        echo "Refusing to commit ${path}: not a record." >&2
        exit 1
      fi
      git add -- "${path}"
    done < <(jq -r '.files[].path' "${plan}")
    jq -r '.commit_message' "${plan}" > "${dir}/commit.txt"
    git -c user.name="${bot_name}" -c user.email="${bot_email}" \
      commit --quiet --file "${dir}/commit.txt"
  )
  local head notice=""
  head=$(git -C "${dir}/work" rev-parse HEAD)

  local push=true
  if [[ -n "${old}" ]]; then
    # Pushed only when the branch, merged as it is, would not give the replay's records.
    merged=$(git merge-tree --write-tree "origin/${base_branch}" "${old}" 2>/dev/null | head -n 1 || true)
    if [[ "${merged}" == "$(git rev-parse "${head}^{tree}")" ]]; then
      push=false
      echo "Issue #${issue}: ${branch} already holds this change."
    fi
    foreign=$(git log --format='%ae %ce' "origin/${base_branch}..${old}" \
      | grep -vcx "${bot_email} ${bot_email}" || true)
    if [[ "${push}" == true && "${foreign}" != 0 ]]; then
      push=false
      notice="Someone has added their own commits to the branch ${branch}, so intake has not replaced it. The issue now asks for the change described above: please bring the branch up to date by hand, or remove the added commits so intake can rebuild it."
      echo "Issue #${issue}: ${branch} has commits intake did not make; not replacing them."
    fi
  fi
  if [[ -n "${notice}" ]]; then
    printf '\n%s\n' "${notice}" >> "${dir}/reply.md"
  fi
  reply "${issue}" "${dir}/reply.md"
  [[ "${push}" == true ]] || return 0

  local lease="--force-with-lease=refs/heads/${branch}:${old}"
  git push --quiet "${lease}" origin "${head}:refs/heads/${branch}"

  {
    jq -r '.pull_request.body' "${plan}"
    echo
    pipeline pr-report --root "${dir}/work" --base "origin/${base_branch}" --format markdown || true
  } > "${dir}/pr.md"
  title=$(jq -r '.pull_request.title' "${plan}")
  if [[ -z "${pr}" ]]; then
    gh pr create --base "${base_branch}" --head "${branch}" --title "${title}" \
      --body-file "${dir}/pr.md"
    return 0
  fi
  gh pr edit "${pr}" --title "${title}" --body-file "${dir}/pr.md"
  # A changed request under an approval: the approval goes, and everyone is told what changed.
  approvals=$(gh api --paginate "repos/${GH_REPO}/pulls/${pr}/reviews" \
    --jq '.[] | select(.state == "APPROVED") | .id')
  if [[ -n "${approvals}" && -n "${old}" ]] \
    && [[ "$(change_lines "origin/${base_branch}" "${head}")" != "$(change_lines "$(git merge-base "origin/${base_branch}" "${old}")" "${old}")" ]]; then
    for review in ${approvals}; do
      gh api --method PUT "repos/${GH_REPO}/pulls/${pr}/reviews/${review}/dismissals" \
        -f message="The request changed after this approval; please review it again." \
        -f event=DISMISS > /dev/null
    done
    {
      echo "The request in #${issue} changed after this pull request was approved, so the approval has been dismissed and it needs approving again. What changed in the records:"
      echo
      git diff "${old}" "${head}" -- | head -n 200 | sed 's/^/    /'
    } > "${dir}/changed.md"
    gh pr comment "${pr}" --body-file "${dir}/changed.md"
    gh issue comment "${issue}" --body "The change this issue asks for was edited after it was approved, so it needs approving again: see the pull request."
  fi
}

apply() {
  local failed=0
  gh auth setup-git
  for issue in $(issues); do
    # Each issue in its own process, so `set -e` holds inside it and one issue's failure (a
    # race with another run, say) does not stop the others.
    if ! "${BASH}" "$0" apply-one "${issue}"; then
      echo "Issue #${issue}: not carried out." >&2
      failed=1
    fi
  done
  return "${failed}"
}

case "${phase}" in
  select) select_issues "${2:?give the event file or --open}" ;;
  fetch) fetch ;;
  askers) askers ;;
  access) access ;;
  plan) plan ;;
  apply) apply ;;
  apply-one) apply_one "${2:?give the issue number}" ;;
  *) echo "Unknown phase ${phase}." >&2; exit 2 ;;
esac
