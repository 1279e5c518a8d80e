"""The Python start that the worker's loader keeps in the browser (docs/assets/js/pyodide-loader.js).

The first time, the loader keeps Pyodide's memory snapshot, taken once sendrules.web is imported,
packed without its empty blocks; later starts restore it instead of starting Python afresh. These
tests run the loader's own pack and unpack, and the site's Pyodide, under Node.js: packing loses
nothing, a damaged start is refused, and an interpreter restored from a packed start answers every
calculator exactly as the interpreter it was taken from. The browser side (Cache Storage, the
fallback, what the page is told) is in tests/e2e/test_kept_start.py.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from hooks import site as hook


@pytest.fixture(scope="module")
def built(runtime_site):
    """A site's runtime (Pyodide, the standard library, sendrules.zip) and the loader beside it."""
    return runtime_site


def node(built, script: str, *args: str) -> dict:
    site, rules = built
    path = site / "check.mjs"
    path.write_text(script.replace("LOADER", (site / hook.LOADER).as_uri())
                    .replace("PYODIDE", (site / hook.PYODIDE_TARGET / "pyodide.mjs").as_uri()))
    done = subprocess.run(["node", str(path), str(rules), *args], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


PACKING = """
const { pack, unpack } = await import("LOADER");
const BLOCK = 65536;
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const cases = {
  empty: new Uint8Array(0),
  "all zero": new Uint8Array(5 * BLOCK),
  "no zero": new Uint8Array(3 * BLOCK + 5).fill(9),
  "one byte in the last, short block": Object.assign(new Uint8Array(2 * BLOCK + 3), { [2 * BLOCK + 2]: 1 }),
  "one byte at the end of a block": Object.assign(new Uint8Array(4 * BLOCK), { [BLOCK - 1]: 255 }),
  "not a whole number of words": Object.assign(new Uint8Array(BLOCK + 7), { [BLOCK + 6]: 3 }),
};
const mixed = new Uint8Array(40 * BLOCK + 12);
for (let block = 0; block < 41; block++) {
  if (random() < 0.5) continue;
  for (let i = 0; i < 50; i++) {
    const at = Math.min(mixed.length - 1, block * BLOCK + Math.floor(random() * BLOCK));
    mixed[at] = 1 + Math.floor(random() * 255);
  }
}
cases["random blocks used"] = mixed;
const results = {};
for (const [name, memory] of Object.entries(cases)) {
  const packed = pack(memory);
  const back = unpack(packed);
  const blocks = Array.from({ length: Math.ceil(memory.length / BLOCK) },
    (_, b) => memory.subarray(b * BLOCK, (b + 1) * BLOCK)).filter((block) => block.some((x) => x !== 0));
  results[name] = { same: back.length === memory.length && back.every((x, i) => x === memory[i]),
                    packed: packed.length, length: memory.length, used: blocks.length,
                    used_bytes: blocks.reduce((sum, block) => sum + block.length, 0) };
}
const refused = {};
const good = pack(cases["random blocks used"]);
const damaged = {
  "not a start": new TextEncoder().encode("<!doctype html><title>Offline</title>"),
  "too short": good.subarray(0, 8),
  "cut short": good.subarray(0, good.length - 1),
  "bytes left over": Uint8Array.from([...good, 0]),
};
for (const [name, bytes] of Object.entries(damaged)) {
  try { unpack(bytes); refused[name] = false; } catch (error) { refused[name] = error.message; }
}
console.log(JSON.stringify({ results, refused }));
"""


@pytest.fixture(scope="module")
def packing(built) -> dict:
    """What the loader's pack and unpack made of each case, and of each damaged copy."""
    return node(built, PACKING)


def test_packing_a_start_loses_nothing_and_keeps_only_the_blocks_in_use(packing):
    found = packing
    for name, result in found["results"].items():
        assert result["same"], name
        # A header of 12 bytes, 4 bytes of index per block in use, and the blocks in use.
        assert result["packed"] == 12 + 4 * result["used"] + result["used_bytes"], (name, result)
    assert found["results"]["all zero"]["packed"] == 12
    assert found["results"]["one byte in the last, short block"]["used_bytes"] == 3
    mixed = found["results"]["random blocks used"]
    assert mixed["used"] < 41 and mixed["packed"] < mixed["length"] * 0.7


def test_a_damaged_start_is_refused_not_restored(packing):
    refused = packing["refused"]
    assert refused == {
        "not a start": "not a kept Python start",
        "too short": "not a kept Python start",
        "cut short": "a kept Python start is cut short",
        "bytes left over": "a kept Python start has bytes left over",
    }


RESTORE = """
import { readFileSync } from "node:fs";
const { pack, unpack } = await import("LOADER");
const { loadPyodide } = await import("PYODIDE");
const rules = new Uint8Array(readFileSync(process.argv[2]));
const ANSWERS = `
import json, sys, sendrules.web as web
answers = {}
for name in web.MODULES:
    calculator = web.load(name)
    if calculator.rehearsal is not None:
        fields, today = calculator.rehearsal
        answers[name] = web.render(name, json.dumps(fields), today.isoformat())
json.dumps(answers)
`;
const fresh = await loadPyodide({ _makeSnapshot: true });
fresh.unpackArchive(rules, "zip");
fresh.runPython("import sendrules.web");  // as the loader does before it keeps the start
const memory = fresh.makeMemorySnapshot();
const packed = pack(memory);
const expected = fresh.runPython(ANSWERS);
const restored = await loadPyodide({ _loadSnapshot: unpack(packed) });
const imported = restored.runPython("import sys; 'sendrules.web' in sys.modules");
restored.unpackArchive(rules, "zip");
const answers = restored.runPython(ANSWERS);
console.log(JSON.stringify({ memory: memory.length, packed: packed.length, imported,
                             expected: JSON.parse(expected), answers: JSON.parse(answers) }));
"""


def test_python_restored_from_a_packed_start_answers_every_calculator_as_the_python_it_came_from(built):
    found = node(built, RESTORE)
    assert found["imported"] is True, "the restored Python should have sendrules.web imported already"
    assert set(found["answers"]) == set(found["expected"]) and len(found["answers"]) >= 7
    for name, answer in found["answers"].items():
        assert answer == found["expected"][name], name
        assert json.loads(answer)["html"].strip(), name
    assert found["packed"] < found["memory"] * 0.6, "the packed start should leave the empty blocks out"
