# Sourced by ./deepdsl and ./test.sh: where the repository is and where data is looked for.
DEEPDSL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DEEPDSL_ROOT
# In a checkout beside the shared data folder, use it (unless the user named another place).
if [ -z "${DEEPDSL_DATA:-}" ] && [ -d "$DEEPDSL_ROOT/../shared/data" ]; then
  DEEPDSL_DATA="$(cd "$DEEPDSL_ROOT/../shared/data" && pwd)"
  export DEEPDSL_DATA
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
