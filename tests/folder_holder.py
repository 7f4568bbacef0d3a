"""Another program with a data folder open, in a real process of its own (outside review of issue 14,
F1/F4): ``Holder`` opens a workspace the way a window (``window=True``) or a command does and keeps
it open, saving a mark when asked; ``StalledMove`` runs ``pfdo-desktop move-data`` and stops for good
in the middle of the copy, so the test can kill it (-9).

Run as a script: ``python folder_holder.py hold FOLDER [window]`` (commands on stdin: ``mark``,
``close``) or ``python folder_holder.py stall-move FOLDER TARGET``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _spawn(*args: str) -> subprocess.Popen[str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path)
    return subprocess.Popen([sys.executable, str(Path(__file__).resolve()), *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env=env, cwd=ROOT)


class Holder:
    """A process that has ``folder`` open (``first`` is «open», or «refused: …» with the reason)."""

    def __init__(self, folder: Path, window: bool = False) -> None:
        self.proc = _spawn("hold", str(folder), *(["window"] if window else []))
        assert self.proc.stdout is not None
        self.first = self.proc.stdout.readline().strip()

    def ask(self, command: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def mark(self) -> int:
        """Clear a mark and set it again (one change the portal has not had); the unsent count."""
        answer = self.ask("mark")
        assert answer.startswith("unsent "), answer
        return int(answer.split()[1])

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.ask("close") == "closed"
            self.proc.wait(timeout=60)

    def __enter__(self) -> Holder:
        assert self.first == "open", self.first + (self.proc.stderr.read() if self.proc.stderr else "")
        return self

    def __exit__(self, *exc: object) -> None:
        self.end()

    def end(self) -> None:
        """The process ended (killed if it still runs), its pipes closed."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=60)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


class StalledMove:
    """``pfdo-desktop move-data --data-dir FOLDER --to TARGET`` stopped in the middle of its copy (the
    database copied, the marker written, the backups not yet): ``kill`` ends it as kill -9 does."""

    def __init__(self, folder: Path, target: Path) -> None:
        self.proc = _spawn("stall-move", str(folder), str(target))
        assert self.proc.stdout is not None
        self.first = self.proc.stdout.readline().strip()
        assert self.first == "stalled", self.first + (self.proc.stderr.read() if self.proc.stderr else "")

    def kill(self) -> int:
        os.kill(self.proc.pid, signal.SIGKILL)
        code = self.proc.wait(timeout=60)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
        return code


def _hold(folder: Path, window: bool) -> int:
    from pfdo_desktop.workspace import Workspace
    from pfdo_desktop.workspace_types import MarkChange

    try:
        ws = Workspace.open(folder, window=window)
    except Exception as exc:  # noqa: BLE001 - said to the test, which decides
        print("refused:", getattr(exc, "message", None) or repr(exc), flush=True)
        return 1
    print("open", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "mark":
            group = ws.groups()[0]
            journal = ws.journal(group.id, group.date_from, group.date_to)
            lesson = next(les for les in journal.lessons
                          if any(c.is_member_on(les.lesson_date) for c in journal.children))
            child = next(c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date))
            ws.mark(group.id, lesson.lesson_date, [MarkChange(child, None)])
            ws.mark(group.id, lesson.lesson_date, [MarkChange(child, 4)])
            print("unsent", ws.unsent_count(), flush=True)
        elif command == "close":
            break
    ws.close()
    print("closed", flush=True)
    return 0


def _stall_move(folder: Path, target: Path) -> int:
    from pfdo_desktop.cli import main
    from pfdo_desktop.services import data_folder

    def stall(*_args: object, **_kwargs: object) -> None:
        print("stalled", flush=True)
        while True:
            time.sleep(1)

    data_folder.shutil.copy2 = stall  # type: ignore[assignment]
    return main(["move-data", "--data-dir", str(folder), "--to", str(target)])


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "hold":
        sys.exit(_hold(Path(rest[0]), window=rest[1:] == ["window"]))
    sys.exit(_stall_move(Path(rest[0]), Path(rest[1])))
