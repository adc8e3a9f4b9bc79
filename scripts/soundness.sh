#!/usr/bin/env bash
# Repository checks run by `make test` (STYLE.md 3.2, 3.3, 3.4):
#   1. layers: each Sources/ target imports only Lagoa modules of a lower layer (imports are read
#      from the source, so they cannot drift from Package.swift unnoticed), and libraries never
#      import ArgumentParser
#   2. file size: no Swift file over 800 lines outside Generated/ folders
#   3. large files: nothing in git over 1.5 MB
#   4. print(): none in Sources/ outside the command line (LagoaCLI, lagoa)
# Prints every violation and exits 1 if there is any.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

MAX_SWIFT_LINES=800
MAX_FILE_BYTES=1500000

failures=0
fail() {
    echo "  $*"
    failures=$((failures + 1))
}

# Layer of every target (STYLE.md 3.2). A new target must be added here, or the check fails.
declare -A LAYER=(
    [LagoaCore]=0
    [LagoaColumnar]=1 [LagoaCompression]=1 [LagoaObjectStore]=1 [LagoaSQL]=1
    [LagoaCompute]=2 [LagoaParquet]=2 [LagoaAvro]=2 [LagoaCSV]=2 [LagoaJSON]=2 [LagoaObjectStoreS3]=2
    [LagoaIceberg]=3 [LagoaIcebergREST]=3 [LagoaFunctions]=3 [LagoaCatalogSQL]=3
    [LagoaPlanner]=4 [LagoaExecution]=4
    [LagoaGovernance]=5 [LagoaEngine]=5
    [LagoaIngest]=6 [LagoaModels]=6 [LagoaScheduler]=6 [LagoaCornLake]=6
    [LagoaConnectorPostgres]=6 [LagoaConnectorSQLite]=6 [LagoaConnectorFiles]=6
    [LagoaServer]=7 [LagoaCLI]=7 [lagoa]=7
    [LagoaTesting]=8 [LagoaSQLLogicTest]=8 [lagoa-slt]=8 [lagoa-catalog-stress]=8
)
# Imports allowed besides "any Lagoa module of a lower layer": same-layer edges from STYLE.md 3.2,
# and the exact lists for the entry points and test support.
declare -A ALLOWED=(
    [LagoaIcebergREST]="LagoaIceberg"
    [LagoaCatalogSQL]="LagoaIceberg"
    [LagoaExecution]="LagoaPlanner"
    [LagoaEngine]="LagoaGovernance"
    [LagoaConnectorPostgres]="LagoaIngest"
    [LagoaConnectorSQLite]="LagoaIngest"
    [LagoaConnectorFiles]="LagoaIngest"
    [LagoaModels]="LagoaIngest"
    [LagoaCLI]="LagoaServer"
)
declare -A ONLY=(
    [lagoa]="LagoaCLI"
    [LagoaTesting]="LagoaCore LagoaColumnar LagoaObjectStore"
    [LagoaSQLLogicTest]="LagoaEngine LagoaTesting LagoaCore LagoaColumnar LagoaIceberg LagoaCatalogSQL LagoaObjectStore"
    [lagoa-slt]="LagoaSQLLogicTest LagoaEngine"
    [lagoa-catalog-stress]="LagoaCatalogSQL LagoaIceberg LagoaCore"
)
COMMAND_LINE_TARGETS="LagoaCLI lagoa lagoa-slt"

# Prints "MODULE" for every import in the Swift files under $1, one per line, with its file:line.
imports_in() {
    find "$1" -name '*.swift' -print0 | xargs -0 -r awk '
        /^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]/ {
            line = $0
            sub(/\/\/.*/, "", line)
            n = split(line, words, /[[:space:]]+/)
            for (i = 1; i <= n; i++) if (words[i] == "import") break
            module = words[i + 1]
            if (module ~ /^(struct|class|enum|protocol|func|var|let|typealias)$/) module = words[i + 2]
            sub(/\..*/, "", module)
            if (module != "") print module " " FILENAME ":" FNR
        }'
}

echo "soundness: layers"
for dir in Sources/*/; do
    target=$(basename "$dir")
    case "$target" in C[A-Z]*) continue ;; esac  # C system-library shims (module maps only)
    if [ -z "${LAYER[$target]+set}" ]; then
        fail "$target: not in the layer table of scripts/soundness.sh; add it with its layer (STYLE.md 3.2)"
        continue
    fi
    layer=${LAYER[$target]}
    while read -r module where; do
        if [ "$module" = "ArgumentParser" ] && [[ " $COMMAND_LINE_TARGETS " != *" $target "* ]]; then
            fail "$where: $target is a library and must not import ArgumentParser (only LagoaCLI does)"
            continue
        fi
        if [ "$module" = "$target" ] || [ -z "${LAYER[$module]+set}" ]; then
            continue  # not a Lagoa module (Foundation, Logging, CZstd, ...)
        fi
        if [ -n "${ONLY[$target]+set}" ]; then
            if [[ " ${ONLY[$target]} " != *" $module "* ]]; then
                fail "$where: $target may import only ${ONLY[$target]}, not $module"
            fi
        elif [ "${LAYER[$module]}" -ge "$layer" ] && [[ " ${ALLOWED[$target]:-} " != *" $module "* ]]; then
            fail "$where: $target (layer $layer) must not import $module (layer ${LAYER[$module]}); dependencies point downward only"
        fi
    done < <(imports_in "$dir")
done

echo "soundness: Swift files over $MAX_SWIFT_LINES lines (Generated/ folders exempt)"
while IFS= read -r -d '' file; do
    [ -f "$file" ] || continue
    case "/$file" in */Generated/*) continue ;; esac
    lines=$(wc -l < "$file")
    if [ "$lines" -gt "$MAX_SWIFT_LINES" ]; then
        fail "$file: $lines lines; split it by concern (STYLE.md 3.3) or move generated code into Generated/"
    fi
done < <(git ls-files -z --cached --others --exclude-standard -- '*.swift')

echo "soundness: files in git over $MAX_FILE_BYTES bytes"
while IFS= read -r -d '' file; do
    [ -f "$file" ] || continue
    size=$(stat -c %s "$file" 2>/dev/null || stat -f %z "$file")
    if [ "$size" -gt "$MAX_FILE_BYTES" ]; then
        fail "$file: $size bytes; generate large data at test time instead of committing it (STYLE.md 3.4)"
    fi
done < <(git ls-files -z --cached)

echo "soundness: print() in libraries"
while IFS= read -r hit; do
    fail "$hit: print() outside the command line; return values or use swift-log (Logger) instead"
done < <(
    find Sources -name '*.swift' -not -path 'Sources/LagoaCLI/*' -not -path 'Sources/lagoa/*' \
        -not -path 'Sources/lagoa-slt/*' -print0 |
        xargs -0 -r awk '{
            code = $0
            sub(/\/\/.*/, "", code)
            if (code ~ /(^|[^A-Za-z0-9_.])(print|debugPrint)\(/ || code ~ /Swift\.print\(/) print FILENAME ":" FNR
        }'
)

if [ "$failures" -gt 0 ]; then
    echo "soundness: $failures problem(s)"
    exit 1
fi
echo "soundness: ok"
