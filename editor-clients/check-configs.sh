#!/usr/bin/env bash
# Checks the configuration blocks of docs/editors.md and the editor-clients READMEs:
#   toml and json blocks parse (python3); kak blocks run in Kakoune (when kak is installed) and set
#   lsp_servers to TOML naming the PaperLink command for LaTeX and Markdown buffers; lua blocks
#   compile in Neovim and elisp blocks read in Emacs (when installed); sh blocks pass bash -n.
# Prints "N passed, N failed"; exits non-zero on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
command -v python3 >/dev/null || { echo "check-configs: python3 not found, skipped"; echo "0 passed, 0 failed"; exit 0; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/paperlink-configs.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

python3 - "$root" "$tmp" <<'PY'
import json, os, re, shutil, subprocess, sys
root, tmp = sys.argv[1], sys.argv[2]
files = ["docs/editors.md", "editor-clients/nvim/README.md", "editor-clients/emacs/README.md"]
passed = failed = 0

def check(ok, name, detail=""):
    global passed, failed
    if ok: passed += 1
    else: failed += 1
    print(f"{'ok' if ok else 'FAIL'} - {name}" + (f"  [{detail}]" if detail else ""))

def run(cmd, **kw):
    env = dict(os.environ, HOME=os.path.join(tmp, "home"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_STATE_HOME=os.path.join(tmp, "state"), XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"))
    os.makedirs(env["HOME"], exist_ok=True)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=30, env=env, stdin=subprocess.DEVNULL, **kw)

try:
    import tomllib
except ImportError:
    tomllib = None

n = 0
for rel in files:
    text = open(os.path.join(root, rel), encoding="utf-8").read()
    for m in re.finditer(r"^```(\w+)\n(.*?)^```", text, re.S | re.M):
        lang, body = m.group(1), m.group(2)
        line = text.count("\n", 0, m.start()) + 1
        name = f"{rel}:{line} ({lang})"
        n += 1
        path = os.path.join(tmp, f"block{n}")
        open(path, "w").write(body)
        if lang == "toml":
            if tomllib is None:
                print(f"skip - {name}: no tomllib (Python < 3.11)"); continue
            try: tomllib.loads(body); check(True, name + " parses")
            except Exception as e: check(False, name + " parses", str(e))
        elif lang == "json":
            try: json.loads(body); check(True, name + " parses")
            except Exception as e: check(False, name + " parses", str(e))
        elif lang == "sh":
            r = run(["bash", "-n", path]); check(r.returncode == 0, name + " bash -n", r.stderr.strip())
        elif lang == "lua":
            if not shutil.which("nvim"): print(f"skip - {name}: nvim not installed"); continue
            # a block may be a bare table (a plugin-manager spec): compile it as an expression then
            lua = ("local f = io.open(_A):read('*a'); local ok, err = loadstring(f); "
                   "if not ok then ok, err = loadstring('return ' .. f) end; "
                   "io.stdout:write(ok and 'compiled' or tostring(err))")
            r = run(["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-c", f"lua (function(_A) {lua} end)('{path}')", "-c", "qa!"])
            out = (r.stdout + r.stderr).strip()
            check("compiled" in out, name + " compiles (Neovim Lua)", "" if "compiled" in out else out)
        elif lang == "elisp":
            if not shutil.which("emacs"): print(f"skip - {name}: emacs not installed"); continue
            r = run(["emacs", "--batch", "-Q", "--eval",
                     f'(with-temp-buffer (insert-file-contents "{path}") (goto-char (point-min))'
                     ' (condition-case nil (while t (read (current-buffer))) (end-of-file (princ "read-ok"))))'])
            out = (r.stdout + r.stderr).strip()
            check("read-ok" in out, name + " reads (Emacs Lisp)", "" if "read-ok" in out else out[-300:])
        elif lang == "kak":
            if not shutil.which("kak"): print(f"skip - {name}: kak not installed"); continue
            ws = os.path.join(tmp, f"kak{n}"); os.makedirs(ws)
            open(os.path.join(ws, "note.tex"), "w").write("\\documentclass{article}\n\\begin{document}\n\\cite{x}\n\\end{document}\n")
            open(os.path.join(ws, "note.md"), "w").write("# Notes\n\nSee [@x].\n")
            r = run(["kak", "-ui", "dummy", "-e",
                     f"declare-option str lsp_servers; source {path}; "
                     "edit note.tex; echo -to-file tex.toml %opt{lsp_servers}; echo -to-file tex.ft %opt{filetype}; "
                     "edit note.md; echo -to-file md.toml %opt{lsp_servers}; echo -to-file md.ft %opt{filetype}; quit!"], cwd=ws)
            for kind in ("tex", "md"):
                try:
                    ft = open(os.path.join(ws, kind + ".ft")).read().strip()
                    servers = tomllib.loads(open(os.path.join(ws, kind + ".toml")).read())
                    ok = servers["paperlink"]["command"].endswith("bin/paperlink") and servers["paperlink"]["args"] == ["serve"]
                    check(ok, f"{name} in Kakoune: a {ft} buffer gets the PaperLink server", str(servers["paperlink"]["settings"]))
                except Exception as e:
                    check(False, f"{name} in Kakoune ({kind})", f"{e!r} {r.stderr.strip()[-300:]}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
