# Sourced by the scripts that run the model: EARTHBOX is the release build when there is one (setup-and-run.sh),
# else a debug build (made if missing), unless EARTHBOX names a binary; RUN is how to start it (RANKS=n: mpirun).
EARTHBOX=${EARTHBOX:-}
if [ -z "$EARTHBOX" ] && [ -x .build/release/earthbox ]; then EARTHBOX=.build/release/earthbox; fi
if [ -z "$EARTHBOX" ]; then swift build --product earthbox >/dev/null; EARTHBOX=.build/debug/earthbox; fi
RUN=("$EARTHBOX")
if [ "${RANKS:-1}" -gt 1 ]; then RUN=(mpirun -n "$RANKS" --allow-run-as-root "$EARTHBOX"); fi
