"""Helpers for the reliability tests: the real `kehoach` command in a child process, big plans
made from the corpus, a process's children, and a private mount namespace for a full or
read-only disk.

A child process is the only honest way to test signals, orphaned workers, memory limits and two
runs at once; a tmpfs mounted in a user namespace (`unshare -Urm`) gives a real full disk (ENOSPC)
and a real read-only file system (EROFS) without touching the machine's own mounts.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"
PLAN = PLANS / "xuan-hung_KH-02_2025.txt"
COMMAND = [sys.executable, "-m", "pipeline.cli"]


def kehoach(*args: str | Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """`kehoach ARGS...` in a child process; its exit code, stdout and stderr."""
    return subprocess.run(
        [*COMMAND, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def start_kehoach(*args: str | Path, **options) -> subprocess.Popen:
    """`kehoach ARGS...` started in the background (stdout and stderr piped)."""
    return subprocess.Popen(
        [*COMMAND, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def big_plan(path: Path, copies: int, source: Path = PLAN) -> Path:
    """A long plan: `copies` copies of a corpus plan one after the other (~12.8 KB each for PLAN)."""
    text = source.read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join([text] * copies), encoding="utf-8")
    return path


def docx_with_document_xml(path: Path, padding: int, paragraphs: int = 0) -> Path:
    """A real corpus .docx whose word/document.xml is made bigger: `padding` bytes of an XML comment
    (cheap to parse) and `paragraphs` extra paragraphs (costly to hold in memory); compressed, the
    package stays small, as a zip bomb's does."""
    source = PLANS / "phin-ho_KH-UBND_2025.docx"
    with zipfile.ZipFile(source) as zin:
        document = zin.read("word/document.xml").decode("utf-8")
        cut = document.index("<w:body>") + len("<w:body>")
        paragraph = "<w:p><w:r><w:t>Ủy ban nhân dân xã triển khai nhiệm vụ.</w:t></w:r></w:p>"
        grown = document[:cut] + "<!--" + "x" * padding + "-->" + paragraph * paragraphs + document[cut:]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = grown.encode("utf-8") if info.filename == "word/document.xml" else zin.read(info.filename)
                zout.writestr(info.filename, data)
    return path


def children(pid: int) -> list[int]:
    """The direct child processes of `pid` (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, dead but not yet reaped, does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


def wait_for(condition, seconds: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def namespaces_work() -> bool:
    """Whether this machine lets a process mount a tmpfs in its own user and mount namespace."""
    try:
        return subprocess.run(["unshare", "-Urm", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def in_own_mounts(script: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a shell script in a private user and mount namespace, so it may mount a tmpfs."""
    return subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def kehoach_line(*args: str | Path) -> str:
    """The `kehoach ARGS...` command as one shell line (for in_own_mounts)."""
    return shlex.join([*COMMAND, *map(str, args)])
