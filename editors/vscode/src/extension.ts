// Starts `deepdsl lsp` for DeepDsl experiment specs. The server holds the whole language: this file only says which
// command to run and which YAML files are specs. The YAML extension keeps the JSON Schema (yamlValidation in
// package.json, and each spec's `# yaml-language-server: $schema=` line); the two serve the same files side by side.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration("deepdsl");
  const command = settings.get<string>("server.path", "deepdsl");
  const patterns = settings.get<string[]>("experimentFiles", []);
  const server: ServerOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const options: LanguageClientOptions = {
    // Only files on disk: the server resolves `extends` and the project's limits against paths.
    documentSelector: patterns.map((pattern) => ({ scheme: "file", language: "yaml", pattern })),
  };
  client = new LanguageClient("deepdsl", "DeepDsl", server, options);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration("deepdsl")) {
        void vscode.window.showInformationMessage("DeepDsl: reload the window to apply the new settings.");
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `DeepDsl: could not start '${command} lsp' (${String(error)}). Install the tool with 'dotnet tool install -g DeepDsl.Cli' or set deepdsl.server.path.`,
    );
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
