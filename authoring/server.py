"""The preview's web server: the page with a status panel and a reload script, and the editions' files.

Only what the preview lists is served, looked up by its exact address: the
page at ``/``, each edition's files at ``/<name>`` and ``/_preview/state``
for the script. Any other address, ``../`` or ``%2e%2e`` included, is a 404,
so nothing outside the build can be reached however a path is spelt.

The published page has no script and a Content-Security-Policy that allows
none. The preview serves a copy whose policy allows exactly its own script,
by hash, and fetches to this server; the files on disk stay as published.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import ipaddress
import json
import re
import socket
from html import escape, unescape
from urllib.parse import parse_qs, unquote, urlsplit

# Asks the server what changed (it answers when something does), reloads when the page itself changed
# and otherwise updates the panel: the state of each edition, the audio's progress, the links.
SCRIPT = """\
(function () {
  var panel = document.getElementById("openleaf-preview");
  var version = Number(panel.dataset.version), page = panel.dataset.page;
  function show(state) {
    Object.keys(state.formats).forEach(function (name) {
      var item = panel.querySelector('[data-format="' + name + '"]');
      if (!item) { return; }
      var f = state.formats[name], text = f.state;
      if (name === "audio" && f.state === "building" && f.total) { text = "speaking " + f.done + " of " + f.total + " sentences"; }
      if (f.state === "ready" && !f.current) { text = "from an earlier save"; }
      if (f.message) { text += ": " + f.message; }
      item.querySelector(".olp-state").textContent = text;
      var links = item.querySelector(".olp-links");
      links.textContent = "";
      f.links.forEach(function (href) {
        var a = document.createElement("a");
        a.href = href; a.textContent = href.slice(1);
        links.appendChild(a); links.appendChild(document.createTextNode(" "));
      });
    });
  }
  function ask() {
    fetch("/_preview/state?since=" + version, {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.page !== page) { location.reload(); return; }
        version = state.version; show(state); ask();
      })
      .catch(function () { setTimeout(ask, 1000); });
  }
  ask();
})();
"""
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()

STYLE = """\
#openleaf-preview { position: sticky; top: 0; z-index: 10; font: 1rem/1.4 system-ui, sans-serif;
  background: #fffbe6; color: #222; border-bottom: 3px solid #b58900; padding: .5rem 1rem; }
#openleaf-preview ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
#openleaf-preview .olp-errors { background: #fde8e8; color: #7a0000; border: 2px solid #c00; padding: .5rem;
  white-space: pre-wrap; font-family: ui-monospace, monospace; }
#openleaf-preview .olp-warnings { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .9rem; }
"""

FALLBACK_CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; connect-src 'self'"
LABELS = {"html": "page", "epub": "EPUB", "pdf": "PDF", "large-print-pdf": "large-print PDF", "audio": "audio"}
LONG_POLL_SECONDS = 25


def panel(state: dict) -> str:
    """The status panel, rendered on the server, so the page is right even before the script runs."""
    parts = [f'<aside id="openleaf-preview" aria-label="Preview" data-version="{state["version"]}" '
             f'data-page="{state["page"]}">',
             f"<p><strong>Preview</strong> of {escape(state['source'])}, build {state['build']}; "
             "rebuilt each time you save.</p>"]
    if state["errors"]:
        parts.append("<p><strong>The last save has errors; showing the last good build.</strong> "
                     "Fix them and save again:</p>" if state["build"] else
                     "<p><strong>The article has errors.</strong> Fix them and save again:</p>")
        parts.append(f'<pre class="olp-errors" role="alert">{escape(chr(10).join(state["errors"]))}</pre>')
    parts.append("<ul>")
    for name, edition in state["formats"].items():
        if name == "html":
            continue
        links = " ".join(f'<a href="{escape(href)}">{escape(href[1:])}</a>' for href in edition["links"])
        parts.append(f'<li data-format="{escape(name)}">{LABELS.get(name, name)}: <span class="olp-state">'
                     f'{escape(state_text(name, edition))}</span> <span class="olp-links">{links}</span></li>')
    parts.append("</ul>")
    if state["warnings"]:
        parts.append(f'<details><summary>{len(state["warnings"])} warnings</summary><pre class="olp-warnings">'
                     f'{escape(chr(10).join(state["warnings"]))}</pre></details>')
    parts.append(f"<script>{SCRIPT}</script></aside>")
    return "\n".join(parts)


def state_text(name: str, edition: dict) -> str:
    """As the script words it (see SCRIPT's show())."""
    text = edition["state"]
    if name == "audio" and edition["state"] == "building" and edition["total"]:
        text = f"speaking {edition['done']} of {edition['total']} sentences"
    if edition["state"] == "ready" and not edition["current"]:
        text = "from an earlier save"
    return f"{text}: {edition['message']}" if edition["message"] else text


_CSP_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')


def page_with_panel(html: str, state: dict) -> str:
    """The published page with the panel first in <body> and a policy that lets its one script run."""
    def allow(match: re.Match) -> str:
        policy = re.sub(r"script-src [^;]*", f"script-src '{SCRIPT_HASH}'", unescape(match.group(2)))
        if "script-src" not in policy:
            policy += f"; script-src '{SCRIPT_HASH}'"
        return f"{match.group(1)}{escape(policy + '; connect-src ' + chr(39) + 'self' + chr(39))}{match.group(3)}"

    html = _CSP_META.sub(allow, html, count=1)
    html = html.replace("</head>", f"<style>{STYLE}</style>\n</head>", 1)
    body = re.search(r"<body[^>]*>", html)
    at = body.end() if body else 0
    return html[:at] + "\n" + panel(state) + html[at:]


def error_page(state: dict) -> str:
    """The page when no save has parsed yet: only the panel with the errors."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{FALLBACK_CSP}">'
            f'<title>Preview: errors in {escape(state["source"])}</title><style>{STYLE}</style></head>'
            f"<body>{panel(state)}</body></html>\n")


CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".pdf": "application/pdf", ".epub": "application/epub+zip",
                 ".mp3": "audio/mpeg", ".m3u8": "audio/x-mpegurl; charset=utf-8", ".vtt": "text/vtt; charset=utf-8",
                 ".json": "application/json"}


class Handler(http.server.BaseHTTPRequestHandler):
    preview = None  # set by make_server
    server_version = "openleaf-preview"

    def log_message(self, format, *args):  # a request log would drown the build messages
        pass

    def do_GET(self) -> None:
        if not self._host_allowed():
            return self._send(403, b"Forbidden: this preview answers only to the address it was started on\n",
                              "text/plain; charset=utf-8")
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        if path in ("/", "/index.html"):
            state = self.preview.state()
            page = self.preview.page()
            text = page_with_panel(page.read_text(encoding="utf-8"), state) if page else error_page(state)
            return self._send(200, text.encode(), CONTENT_TYPES[".html"])
        if path == "/_preview/state":
            since = parse_qs(parts.query).get("since", [""])[0]
            if since.lstrip("-").isdigit():
                self.preview.wait(int(since), LONG_POLL_SECONDS)
            return self._send(200, json.dumps(self.preview.state()).encode(), "application/json")
        target = self.preview.files().get(path)  # exact addresses only: nothing is joined to a folder
        if target is None or not target.is_file():
            return self._send(404, b"Not found: the preview serves only this article's editions\n",
                              "text/plain; charset=utf-8")
        return self._send(200, target.read_bytes(), CONTENT_TYPES.get(target.suffix, "application/octet-stream"))

    def do_HEAD(self) -> None:
        self.do_GET()

    def _host_allowed(self) -> bool:
        """On a loopback address, only requests for a loopback name: a web page elsewhere cannot
        rebind its own name to 127.0.0.1 and read the preview (DNS rebinding)."""
        try:
            if not ipaddress.ip_address(self.server.server_address[0]).is_loopback:
                return True
        except ValueError:
            return True
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the browser went elsewhere
                pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a page waiting for news must not keep Ctrl-C waiting
    allow_reuse_address = True


def make_server(preview, host: str, port: int) -> http.server.HTTPServer:
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    server = type("Server", (_Server,), {"address_family": socket.AF_INET6 if ":" in host else socket.AF_INET})
    return server((host, port), handler)
