#!/usr/bin/env bash
# Mints an HS256 dev token for the local profile.
# usage: scripts/dev-token.sh SUBJECT TENANT_ID_OR_EMPTY ROLE[,ROLE...] [EXPIRES_IN_SECONDS]
# e.g.   scripts/dev-token.sh platform-op "" PLATFORM_ADMIN
#        scripts/dev-token.sh alice 6f1c...-uuid TENANT_ADMIN
# Needs openssl and jq. The secret is ORG_JWT_DEV_SECRET (default: the documented local-only secret).
set -euo pipefail
sub=${1:?subject}; tenant=${2:-}; roles=${3:?roles}; ttl=${4:-3600}
secret=${ORG_JWT_DEV_SECRET:-local-dev-secret-change-me-0123456789abcdef}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(jq -cn --arg sub "$sub" --arg t "$tenant" --arg r "$roles" --argjson iat "$now" --argjson exp "$((now + ttl))" \
  '{sub:$sub, roles:($r|split(",")), iat:$iat, exp:$exp} + (if $t == "" then {} else {tenant_id:$t} end)' | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$sig"
