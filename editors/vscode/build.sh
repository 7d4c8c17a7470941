#!/usr/bin/env bash
# Builds the VS Code extension to editors/vscode/deepdsl.vsix: the locked npm packages, the language's JSON Schema
# (schema/deepdsl.schema.json, for the YAML extension's yamlValidation), the compiled extension, packaged by vsce.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
mkdir -p schema
cp ../../schema/deepdsl.schema.json schema/
# vsce runs the vscode:prepublish script (npm run compile) itself: no compile here.
# No repository yet (see Directory.Build.props); the license is LICENSE beside this script.
npx --no-install vsce package --allow-missing-repository --out deepdsl.vsix
