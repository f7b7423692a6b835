"""Collect what goes wrong on a page: console errors, uncaught exceptions, CSP violations,
failed requests and dialogs (alert/confirm/prompt, which no page of ours opens)."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Dialog, Page, Request, Response

# Runs in every document before the page's own scripts, whatever the CSP says.
_REPORT_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__pipelineReport(
    `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}` +
    (event.sample ? ` (${event.sample})` : "")
  );
});
"""


class PageWatch:
    """Attach to a page; `problems` lists everything that went wrong since."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.expose_function("__pipelineReport", self._report)
        page.add_init_script(_REPORT_CSP)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught error: {error}"))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.on("dialog", self._dialog)

    def _report(self, problem: str) -> None:
        self.problems.append(problem)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location})")

    def _request_failed(self, request: Request) -> None:
        if request.failure == "net::ERR_ABORTED":
            return  # cancelled by the next navigation (a favicon, say), not a failure
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def take(self) -> list[str]:
        """The problems so far, and start afresh."""
        problems, self.problems[:] = list(self.problems), []
        return problems
