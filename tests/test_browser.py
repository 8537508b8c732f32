"""The HTML scorecard in a real browser: headless Chromium (Debian's ``chromium`` package,
which .ci/run installs). Skips, saying why, only where no Chromium can be found.

Layout is measured by the browser itself, driven over the DevTools protocol: a script
evaluated in the page reports where the first missed target ends, the smallest text, the page
width, and which rows the filters (or a click on a chart bar) left visible. Screenshots at desktop (1366×768) and phone (390×844) size are checked; with
``KPI_TRACKER_SCREENSHOTS=1`` they are also written to ``docs/`` (the committed ones).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from .helpers import ROOT, SEED, run

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium here (apt-get install chromium; .ci/run does)"
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]
DESKTOP = (1366, 768)
PHONE = (390, 844)
SHOTS = {
    "desktop": ROOT / "docs" / "scorecard-desktop.png",
    "phone": ROOT / "docs" / "scorecard-phone.png",
}

# Evaluated in the page after it loaded (and, optionally, after a click on a chart bar):
# what a reader sees, measured by the browser.
MEASURE = """
(function(click){
if(click){document.querySelector(click).click();}
var r={vw:innerWidth,vh:innerHeight,scrollW:document.documentElement.scrollWidth};
var first=document.querySelector('table[data-count="f-count-missed"] tbody tr:not([hidden])');
r.firstMissedBottom=first?first.getBoundingClientRect().bottom:null;
var min=1e9,at='';
document.querySelectorAll('body *').forEach(function(el){
if(!el.getClientRects().length){return;}
var own=[].some.call(el.childNodes,function(n){return n.nodeType===3&&n.textContent.trim();});
var sizes=[];if(own){sizes.push(parseFloat(getComputedStyle(el).fontSize));}
if(el.dataset&&el.dataset.label&&getComputedStyle(el,'::before').content!=='none'){
sizes.push(parseFloat(getComputedStyle(el,'::before').fontSize));}
sizes.forEach(function(s){if(s<min){min=s;at=el.tagName+'.'+el.className+' '+
el.textContent.trim().slice(0,30);}});});
r.minFont=min;r.minFontAt=at;
r.tables={};
document.querySelectorAll('table[data-count]').forEach(function(t){
r.tables[t.dataset.count]=[].map.call(t.querySelectorAll('tr[data-status]:not([hidden])'),
function(tr){return [tr.dataset.status,tr.dataset.ministries,tr.dataset.section,
tr.cells[0].textContent,tr.textContent];});});
r.counts={};document.querySelectorAll('[id^=f-count]').forEach(function(s){
r.counts[s.id]=+s.textContent;});
var all=document.querySelector('table[data-count="f-count"]');
r.bars=all.querySelectorAll('tr:not([hidden]) .bar').length;
r.targetTicks=all.querySelectorAll('tr:not([hidden]) .bar i').length;
r.deadlines=all.querySelectorAll('tr:not([hidden]) .due').length;
r.barWidth=all.querySelector('.bar').getBoundingClientRect().width;
r.filters={ministry:document.getElementById('f-ministry').value,
status:document.getElementById('f-status').value,
section:document.getElementById('f-section').value};
return r;})(%s)
"""


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
    JSON messages ended by NUL on fds 3 and 4), so the viewport is exactly the size asked for
    (a headless window is never narrower than 500 px) and page errors are caught."""

    def __init__(self, profile: Path) -> None:
        to_chrome_r, self._out = os.pipe()
        self._in, from_chrome_w = os.pipe()
        fds = f"3<&{to_chrome_r} 4>&{from_chrome_w} {to_chrome_r}<&- {from_chrome_w}>&-"
        self.proc = subprocess.Popen(
            [
                "bash",
                "-c",
                f'exec "$0" "$@" {fds}',
                CHROMIUM,
                *FLAGS,  # type: ignore[list-item]
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]

    def _read(self, deadline: float) -> dict:
        import select
        import time

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._in], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise EOFError("Chromium went away")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params: object) -> dict:
        import time

        self._id += 1
        message: dict = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._id:
                assert "error" not in answer, answer
                return answer["result"]
            self.events.append(answer)

    def wait_for(self, method: str) -> None:
        import time

        deadline = time.monotonic() + 60
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))

    def open(self, url: str, size: tuple[int, int]) -> None:
        phone = size[0] < 700
        self.call(
            "Emulation.setDeviceMetricsOverride",
            True,
            width=size[0],
            height=size[1],
            deviceScaleFactor=1,
            mobile=phone,
        )
        self.call("Page.enable", True)
        self.call("Runtime.enable", True)
        # By way of a blank page: a change of the #fragment alone would load nothing.
        for target in ("about:blank", url):
            self.events.clear()
            self.call("Page.navigate", True, url=target)
            self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", True, expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def errors(self) -> list[dict]:
        return [
            e
            for e in self.events
            if e.get("method") == "Runtime.exceptionThrown"
            or (
                e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") == "error"
            )
        ]

    def screenshot(self) -> bytes:
        import base64

        return base64.b64decode(self.call("Page.captureScreenshot", True, format="png")["data"])

    def close(self) -> None:
        with contextlib.suppress(EOFError, TimeoutError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._in)
        os.close(self._out)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(tmp_path_factory.mktemp("profile"))
    yield b
    b.close()


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "scorecard.html"
    result = run("scorecard", str(SEED), "--format", "html", "-o", str(path))
    assert result.returncode == 0, result.stderr
    return path


def measure(
    browser: Browser, page: Path, size: tuple[int, int], hash_: str = "", click: str | None = None
) -> dict:
    browser.open(page.as_uri() + hash_, size)
    m = browser.evaluate(MEASURE % json.dumps(click))
    assert browser.errors() == []
    assert isinstance(m, dict)
    return m


@needs_chromium
def test_renders_every_measure(browser, page) -> None:
    m = measure(browser, page, DESKTOP)
    rows = m["tables"]["f-count"]
    assert {int(no) for _, _, _, no, _ in rows} == set(range(1, 144))
    assert m["counts"]["f-count"] == len(rows) >= 143
    assert m["counts"]["f-count-missed"] == len(m["tables"]["f-count-missed"]) == 24


@needs_chromium
def test_missed_targets_above_the_fold_on_a_laptop(browser, page) -> None:
    m = measure(browser, page, DESKTOP)
    assert (m["vw"], m["vh"]) == DESKTOP
    assert m["firstMissedBottom"] is not None and m["firstMissedBottom"] <= DESKTOP[1] - 100
    # The missed table names the ministry of each target.
    first = m["tables"]["f-count-missed"][0]
    assert first[1] and first[1].split("|")[0] in first[4]


@needs_chromium
def test_phone_text_is_legible_and_nothing_scrolls_sideways(browser, page) -> None:
    m = measure(browser, page, PHONE)
    assert m["vw"] == PHONE[0]
    assert m["minFont"] >= 11, m["minFontAt"]
    assert m["scrollW"] <= m["vw"]


@needs_chromium
def test_every_filter_applies_to_every_table(browser, page) -> None:
    ministry = "こども家庭庁"
    m = measure(browser, page, DESKTOP, f"#ministry={quote(ministry)}&status=behind")
    for table in ("f-count", "f-count-missed"):
        rows = m["tables"][table]
        assert rows, table
        assert all(s == "behind" and ministry in mins.split("|") for s, mins, *_ in rows)
        assert m["counts"][table] == len(rows)
    assert len(m["tables"]["f-count-missed"]) < 24  # the missed table was filtered too


@needs_chromium
def test_section_and_text_filters(browser, page) -> None:
    m = measure(browser, page, DESKTOP, "#q=" + quote("児童福祉司"))
    for table in ("f-count", "f-count-missed"):
        assert all("児童福祉司" in text for *_, text in m["tables"][table])
    assert any("6,866人" in text for *_, text in m["tables"]["f-count"])
    section = m["tables"]["f-count"][0][2]
    s = measure(browser, page, DESKTOP, "#section=" + quote(section))
    assert {sec for _, _, sec, *_ in s["tables"]["f-count"]} == {section}
    assert {sec for _, _, sec, *_ in s["tables"]["f-count-missed"]} <= {section}


@needs_chromium
def test_a_click_on_a_chart_bar_filters(browser, page) -> None:
    button = '.chart[data-key="ministry"] button.behind[data-group="厚生労働省"]'
    m = measure(browser, page, DESKTOP, click=button)
    assert m["filters"] == {"ministry": "厚生労働省", "status": "behind", "section": ""}
    rows = m["tables"]["f-count"]
    assert rows and all(s == "behind" and "厚生労働省" in mins.split("|") for s, mins, *_ in rows)
    assert len(rows) == 9  # the number on the bar


def test_status_is_shown_without_emoji(page) -> None:
    text = page.read_text("utf-8")
    assert not re.search("[\u2705\u274c\u2b1c\U0001f300-\U0001faff]", text)
    assert 'class="badge behind overdue"' in text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG")
    return struct.unpack(">II", data[16:24])


@needs_chromium
@pytest.mark.parametrize("name", ["desktop", "phone"])
def test_screenshots(browser, page, name) -> None:
    size = DESKTOP if name == "desktop" else PHONE
    browser.open(page.as_uri(), size)
    data = browser.screenshot()
    assert _png_size(data) == size and len(data) > 20_000
    if os.environ.get("KPI_TRACKER_SCREENSHOTS"):
        SHOTS[name].write_bytes(data)


@pytest.mark.parametrize("name", ["desktop", "phone"])
def test_committed_screenshots(name) -> None:
    size = DESKTOP if name == "desktop" else PHONE
    assert _png_size(SHOTS[name].read_bytes()) == size


# Any page: its width and its smallest text, SVG text scaled as drawn.
LEGIBILITY = """
(function(){
var min=1e9,at='';
document.querySelectorAll('body *').forEach(function(el){
if(!el.getClientRects().length){return;}
var own=[].some.call(el.childNodes,function(n){return n.nodeType===3&&n.textContent.trim();});
if(!own){return;}
var size=parseFloat(getComputedStyle(el).fontSize);
var svg=el.closest('svg');
if(svg){size*=svg.getBoundingClientRect().width/svg.viewBox.baseVal.width;}
if(size<min){min=size;at=el.tagName+' '+el.textContent.trim().slice(0,30);}});
return {vw:innerWidth,scrollW:document.documentElement.scrollWidth,minFont:min,at:at,
svgs:document.querySelectorAll('svg').length};})()
"""


@needs_chromium
def test_compare_page_on_a_phone(browser, tmp_path, yoy_later_path) -> None:
    path = tmp_path / "compare.html"
    result = run("compare", str(SEED), str(yoy_later_path), "--format", "html", "-o", str(path))
    assert result.returncode == 0, result.stderr
    browser.open(path.as_uri(), PHONE)
    m = browser.evaluate(LEGIBILITY)
    assert browser.errors() == []
    assert isinstance(m, dict) and m["svgs"] == 1  # the slope chart
    assert m["scrollW"] <= m["vw"] == PHONE[0]
    assert m["minFont"] >= 11, m["at"]


@needs_chromium
def test_history_page_on_a_phone(browser, tmp_path, yoy_later_path) -> None:
    db = tmp_path / "h.db"
    assert run("ingest", str(SEED), str(yoy_later_path), "--db", str(db)).returncode == 0
    path = tmp_path / "history.html"
    result = run("history", "--db", str(db), "--format", "html", "-o", str(path))
    assert result.returncode == 0, result.stderr
    browser.open(path.as_uri(), PHONE)
    m = browser.evaluate(LEGIBILITY)
    assert browser.errors() == []
    assert isinstance(m, dict) and m["svgs"] > 30
    assert m["scrollW"] <= m["vw"] == PHONE[0]
    assert m["minFont"] >= 11, m["at"]


@needs_chromium
def test_a_progress_bar_per_indicator_with_its_deadline(browser, page, seed_card) -> None:
    m = measure(browser, page, DESKTOP)
    with_progress = [i for i in seed_card["indicators"] if i["attainment"] is not None]
    with_deadline = [i for i in seed_card["indicators"] if i["deadline"]]
    assert m["bars"] == m["targetTicks"] == len(with_progress) > 30
    assert m["deadlines"] == len(with_deadline)
    assert m["barWidth"] > 50  # drawn, not collapsed
