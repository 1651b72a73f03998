#!/usr/bin/env bash
# The V8 heap flags the server runs with (npm start, and the scale bench's `next start`): the old generation bounded at
# ZENITH_MAX_HEAP_MB (256), the young one at 4 MiB a semi-space. Measured on the scale scenario after 20 admin views
# (bench/README.md, scale-views): RSS 412 MiB unbounded, 271 with the old bound alone, 378 with the young alone, 220
# with both. The bound must stay above what the process keeps alive (a process past it stops): the admin views' facts
# are bounded at 50,000 RBD images (~70 MiB); raise it for a bigger cloud.
echo "--max-old-space-size=${ZENITH_MAX_HEAP_MB:-256} --max-semi-space-size=4"
