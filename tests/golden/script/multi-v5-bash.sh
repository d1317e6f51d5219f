#!/usr/bin/env bash
#
# Calls /multi of http://127.0.0.1:7860 (Gradio 5.50.0) with curl and prints
# its result, the `data` JSON list, on stdout.
# Written by curlgen VERSION (bash); make it again (with your inputs) by:
#   curlgen script http://127.0.0.1:7860 multi -o multi.sh
#
# Run it with no arguments to make the call with the inputs written in below,
# or give other inputs:  ./multi.sh --text VALUE --shout VALUE --times VALUE
# All flags, environment variables and exit codes:  ./multi.sh --help
# It needs curl, awk, sed, tail, head and mktemp; nothing else.

set -eu

readonly DEFAULT_URL=http://127.0.0.1:7860
readonly API_PREFIX=/gradio_api
readonly API_NAME=multi
readonly GRADIO_MAJOR=5
readonly DEFAULT_SESSION=''
readonly DEFAULT_TIMEOUT=600
# The POST body for the inputs written in, sent as it is when no flag changes them.
readonly BAKED_PAYLOAD='{"data": ["hello", false, 2]}'
PROG=${0##*/}
TAB='	'
NL='
'
readonly PROG TAB NL

# --text: text (str, Textbox)
in_text_json='"hello"'
in_text_raw=''
in_text_set=0

# --shout: shout (bool, Checkbox)
in_shout_json=false
in_shout_raw=''
in_shout_set=0

# --times: times (float, Slider)
in_times_json=2
in_times_raw=''
in_times_set=0

url=${GRADIO_URL:-$DEFAULT_URL}
data_arg=''
data_given=0
custom=0
session=$DEFAULT_SESSION
timeout=${CURLGEN_TIMEOUT:-$DEFAULT_TIMEOUT}
retries=${CURLGEN_RETRIES:-3}
mode=result
quiet=0
download_dir=''
tmp=''
child=''
filter=''
watcher=''
spent_ms=0

usage() {
  cat <<'CURLGEN_HELP_END'
Usage: multi.sh [--text VALUE] [--shout VALUE] [--times VALUE] [OPTIONS]

Calls /multi of http://127.0.0.1:7860 (Gradio 5.50.0, API prefix '/gradio_api')
and prints its result, the `data` JSON list, as one line on stdout.

Inputs (left out, each keeps the value written in when the script was made):
  --text VALUE           text: str, Textbox
                         value: "hello" (app default "hi")
  --shout VALUE          shout: bool, Checkbox
                         value: false (app default false)
  --times VALUE          times: float, Slider
                         value: 2 (app default 2)

Returns: joined (str, Textbox), length (int, Number)

Options:
  --url URL              the app (default: $GRADIO_URL, else http://127.0.0.1:7860)
  --data JSON            the whole data list, instead of the inputs above
  --session HASH         send this session_hash (stateful apps)
  --timeout SECONDS      bound on the whole call, retries included (default: 600)
  --stream               print each partial result as it arrives, then the final one
  --raw                  print the server-sent events as they arrive, unchanged
  --download DIR         save every file of the result into DIR (names on stderr)
  --quiet                no notes on stderr while waiting
  -h, --help             this help

Environment:
  GRADIO_URL                 the app, when --url is not given
  HF_TOKEN                   a Hugging Face token, sent as a bearer header (private Spaces)
  GRADIO_USERNAME            with GRADIO_PASSWORD: log in to the app first
  GRADIO_PASSWORD            (Gradio's own login, launch(auth=...))
  CURLGEN_TIMEOUT            default for --timeout
  CURLGEN_RETRIES            retries of a POST answered 429 or 503 (default: 3)
  CURLGEN_AWK                the awk for --stream and --raw (default: gawk, busybox awk,
                             original-awk, else awk; mawk is slow on events of megabytes)
  TMPDIR                     where the private temporary folder goes

Exit codes:
  0  success: the result is on stdout
  1  the app reported an error (its message on stderr, where the app sent one)
  2  bad usage or input
  3  an HTTP error (status, an excerpt of the answer and a hint on stderr)
  4  no connection, a timeout, or a stream that ended without a result
CURLGEN_HELP_END
}

die() {
  local code

  code=$1
  shift
  printf '%s: error: %s\n' "$PROG" "$*" >&2
  exit "$code"
}

note() {
  if [ "$quiet" = 0 ]; then
    printf '%s: %s\n' "$PROG" "$*" >&2
  fi
}

cleanup() {
  if [ -n "$child" ]; then
    kill "$child" 2>/dev/null || :
  fi
  if [ -n "$filter" ]; then
    kill "$filter" 2>/dev/null || :
  fi
  if [ -n "$watcher" ]; then
    kill "$watcher" 2>/dev/null || :
  fi
  if [ -n "$tmp" ]; then
    rm -rf "$tmp"
    tmp=''
  fi
}

on_signal() {
  cleanup
  trap - EXIT
  printf '%s: interrupted\n' "$PROG" >&2
  exit "$1"
}

# The awk program behind every step that parses or writes JSON, run with -v mode=...
# shellcheck disable=SC2016 # awk code, not shell: its $ must not expand
readonly AWK_PROG='function init(   i) {
  for (i = 1; i < 32; i++) ESC[sprintf("%c", i)] = sprintf("\\u%04x", i)
  ESC["\""] = "\\\""; ESC["\\"] = "\\\\"; ESC["\n"] = "\\n"; ESC["\r"] = "\\r"
  ESC["\t"] = "\\t"; ESC["\b"] = "\\b"; ESC["\f"] = "\\f"
  for (i = 1; i < 256; i++) ORD[sprintf("%c", i)] = i
  HEX = "0123456789abcdef"
  META = "{\"_type\": \"gradio.FileData\"}"
}
function fail(msg) { printf "%s: error: %s\n", ENVIRON["CG_PROG"], msg > "/dev/stderr"; exit 2 }
# A JSON string literal holding the bytes of s.
function jstr(s,   out) {
  out = ""
  while (match(s, /["\\\001-\037]/)) {
    out = out substr(s, 1, RSTART - 1) ESC[substr(s, RSTART, 1)]
    s = substr(s, RSTART + 1)
  }
  return "\"" out s "\""
}
function hexval(h,   i, v) {
  v = 0; h = tolower(h)
  for (i = 1; i <= length(h); i++) v = v * 16 + index(HEX, substr(h, i, 1)) - 1
  return v
}
function utf8(c) {
  if (c < 128) return sprintf("%c", c)
  if (c < 2048) return sprintf("%c%c", 192 + int(c / 64), 128 + c % 64)
  if (c < 65536) return sprintf("%c%c%c", 224 + int(c / 4096), 128 + int(c / 64) % 64, 128 + c % 64)
  return sprintf("%c%c%c%c", 240 + int(c / 262144), 128 + int(c / 4096) % 64, 128 + int(c / 64) % 64, 128 + c % 64)
}
# The bytes that the JSON string literal s (quotes included) stands for.
function junquote(s,   out, n, c, lo) {
  s = substr(s, 2, length(s) - 2); out = ""
  while ((n = index(s, "\\")) > 0) {
    out = out substr(s, 1, n - 1); c = substr(s, n + 1, 1)
    if (c == "u") {
      c = hexval(substr(s, n + 2, 4)); s = substr(s, n + 6)
      if (c >= 55296 && c < 56320 && substr(s, 1, 2) == "\\u") {
        lo = hexval(substr(s, 3, 4))
        if (lo >= 56320 && lo < 57344) { c = 65536 + (c - 55296) * 1024 + lo - 56320; s = substr(s, 7) }
      }
      out = out utf8(c)
      continue
    }
    if (c == "n") c = "\n"; else if (c == "t") c = "\t"; else if (c == "r") c = "\r"
    else if (c == "b") c = "\b"; else if (c == "f") c = "\f"
    out = out c; s = substr(s, n + 2)
  }
  return out s
}
function is_number(s) { return s ~ /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
function is_url(s) { return s ~ /^https?:\/\// }
function basename(p) { sub(/\/+$/, "", p); sub(/.*\//, "", p); return p }
# Split the JSON text T into its top-level parts: the elements of an array (NPART, PART[]).
# Strings are found by splitting on quotes, so the cost stays linear in the size of T.
function jsplit(t,   seg, n, k, s, i, c, depth, cur, instr) {
  n = split(t, seg, "\""); NPART = 0; depth = 0; cur = ""; instr = 0; OPENED = 0; CLOSED = 0
  for (k = 1; k <= n; k++) {
    s = seg[k]
    if (instr) {
      if (index(s, "\n")) return 0
      cur = cur s "\""
      if (match(s, /\\+$/) && RLENGTH % 2 == 1) continue
      instr = 0
      continue
    }
    for (i = 1; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c == "[" || c == "{") {
        depth++
        if (depth == 1) { if (c != "[") return 0; OPENED = 1; continue }
      } else if (c == "]" || c == "}") {
        depth--
        if (depth == 0) { if (cur != "" || NPART > 0) PART[++NPART] = cur; cur = ""; CLOSED = 1; continue }
      } else if (c == "," && depth == 1) {
        PART[++NPART] = cur; cur = ""; continue
      } else if (c == " " || c == "\t" || c == "\n" || c == "\r") {
        if (depth <= 1) continue
        c = " "
      }
      if (depth == 0) return 0
      cur = cur c
    }
    if (k < n) { if (depth == 0) return 0; cur = cur "\""; instr = 1 }
  }
  return OPENED && CLOSED && depth == 0
}
# A file input in the shape every Gradio version accepts.
function filedata(path, name) {
  return "{\"path\": " jstr(path) ", \"meta\": " META (name != "" ? ", \"orig_name\": " jstr(name) : "") "}"
}
# One slot of data from what the user gave: a raw flag value typed by its kind.
function convert(kind, v, flag,   low) {
  if (kind == "string") return jstr(v)
  if (kind == "number" || kind == "integer") {
    if (!is_number(v)) fail(flag " expects a number, got \"" v "\"")
    if (kind == "integer" && v !~ /^-?[0-9]+$/) fail(flag " expects an integer, got \"" v "\"")
    return v
  }
  if (kind == "boolean") {
    low = tolower(v)
    if (low == "true" || low == "1" || low == "yes" || low == "on") return "true"
    if (low == "false" || low == "0" || low == "no" || low == "off") return "false"
    fail(flag " expects true or false, got \"" v "\"")
  }
  if (kind == "json") {
    if (v ~ /^[ \t\n\r]*$/) fail(flag " expects JSON")
    return v
  }
  return jstr(v)
}
# A file slot: uploaded server paths (a JSON list) with the local names, or URLs.
function files_json(kind, up, names, urls,   n, k, out, name, nn, u, nu) {
  out = ""; n = 0
  if (up != "") {
    if (!jsplit(up)) fail("the upload answered " up)
    nn = split(names, name, "\n")
    for (k = 1; k <= NPART; k++) {
      out = out (n++ ? ", " : "") filedata(junquote(PART[k]), k <= nn ? basename(name[k]) : "")
    }
  }
  nu = split(urls, u, "\n")
  for (k = 1; k <= nu; k++) if (u[k] != "") out = out (n++ ? ", " : "") filedata(u[k], "")
  if (kind == "files") return "[" out "]"
  return out
}
BEGIN {
  init()
  if (mode == "payload" && ENVIRON["CG_RAW"] != "") {
    body = "{\"data\": " ENVIRON["CG_RAW"]
    if (ENVIRON["CG_SESSION"] != "") body = body ", \"session_hash\": " jstr(ENVIRON["CG_SESSION"])
    print body "}"
    exit 0
  }
  if (mode == "payload") {
    # CG_N slots; per slot i: CG_K<i> kind, CG_J<i> JSON, CG_S<i> 1 when CG_V<i> is a raw
    # value to type, CG_U<i>/CG_B<i> uploaded paths and local names, CG_L<i> URLs.
    n = ENVIRON["CG_N"] + 0; out = ""
    for (i = 1; i <= n; i++) {
      kind = ENVIRON["CG_K" i]
      if (kind == "state") v = "null"
      else if (kind == "file" || kind == "files") {
        if (ENVIRON["CG_U" i] != "" || ENVIRON["CG_L" i] != "")
          v = files_json(kind, ENVIRON["CG_U" i], ENVIRON["CG_B" i], ENVIRON["CG_L" i])
        else v = ENVIRON["CG_J" i]
      }
      else if (ENVIRON["CG_S" i] == "1") v = convert(kind, ENVIRON["CG_V" i], ENVIRON["CG_F" i])
      else v = ENVIRON["CG_J" i]
      out = out (i > 1 ? ", " : "") v
    }
    body = "{\"data\": [" out "]"
    if (ENVIRON["CG_SESSION"] != "") body = body ", \"session_hash\": " jstr(ENVIRON["CG_SESSION"])
    print body "}"
    exit 0
  }
  if (mode == "split") {
    # --data: check it, then one line per slot, tab-separated: "<index> J <json>", or "<index> P <path>"
    # for a file slot given as a string (a local path to upload, or a URL).
    if (!jsplit(ENVIRON["CG_DATA"])) fail("--data must be a JSON list, e.g. [\"hi\"]")
    want = ENVIRON["CG_N"] + 0; visible = ENVIRON["CG_VISIBLE"] + 0
    if (want == 0) exit 0
    if (NPART != want && NPART != visible)
      fail("--data has " NPART " values; this endpoint takes " visible)
    k = 0
    for (i = 1; i <= want; i++) {
      kind = ENVIRON["CG_K" i]
      if (kind == "state") { if (NPART == want) k++; print i "\tJ\tnull"; continue }
      v = PART[++k]
      if ((kind == "file" || kind == "files") && v ~ /^"/) print i "\tP\t" junquote(v)
      else print i "\tJ\t" v
    }
    exit 0
  }
  if (mode == "errmsg") {
    print errmsg(ENVIRON["CG_DATA"])
    exit 0
  }
}
# The message in the data of an error event: 6 sends {"error": msg}; others a string or null.
function errmsg(d) {
  if (d ~ /^"/) return junquote(d)
  if (match(d, /"error": *"([^"\\]|\\.)*"/)) {
    d = substr(d, RSTART, RLENGTH); sub(/^"error": */, "", d); return junquote(d)
  }
  return ""
}
# mode == "finish": the whole stream of a call, at its end. The last event decides: complete
# (its data on stdout unless show=0, exit 0), error (its message into CG_ERRFILE, exit 10),
# or none (exit 11). For streams of up to a megabyte: mawk slows down on longer lines.
mode == "finish" {
  if (substr($0, 1, 7) == "event: ") ev = substr($0, 8)
  else if (substr($0, 1, 6) == "data: ") {
    last_ev = ev
    if (ev == "complete" || ev == "error") last = substr($0, 7)
  }
  next
}
END {
  if (mode == "finish") {
    if (last_ev == "complete") { if (show) print last; exit 0 }
    if (last_ev == "error") { printf "%s", errmsg(last) > ENVIRON["CG_ERRFILE"]; exit 10 }
    exit 11
  }
}
# mode == "live": the stream as it arrives; partials (stream=1), the raw stream (raw=1),
# and a note on stderr at each heartbeat (notes=1).
mode == "live" {
  if (raw) {
    if (started || substr($0, 1, 6) == "event:") { started = 1; print; fflush() }
    next
  }
  if (substr($0, 1, 7) == "event: ") { ev = substr($0, 8); next }
  if (substr($0, 1, 6) == "data: ") {
    if (ev == "generating" && stream) { print substr($0, 7); fflush() }
    else if (ev == "heartbeat" && notes) printf "%s: waiting for the app...\n", ENVIRON["CG_PROG"] > "/dev/stderr"
  }
  next
}
# mode == "files": the FileData objects of a result, one line each: "<url-encoded path>\t<name>".
mode == "files" {
  n = split($0, seg, "\"")
  depth = 0; instr = 0; cur = ""
  for (k = 1; k <= n; k++) {
    s = seg[k]
    if (instr) {
      cur = cur s
      if (match(s, /\\+$/) && RLENGTH % 2 == 1) { cur = cur "\""; continue }
      instr = 0; str = "\"" cur "\""; cur = ""
      if (k < n && seg[k + 1] ~ /^[ \t\r\n]*:/) KEY[depth] = junquote(str)
      else if (KEY[depth] == "path" || KEY[depth] == "orig_name" || KEY[depth] == "_type")
        VAL[depth, KEY[depth]] = junquote(str)
      continue
    }
    for (i = 1; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c == "{") { depth++; KEY[depth] = ""; VAL[depth, "path"] = ""; VAL[depth, "orig_name"] = ""; VAL[depth, "_type"] = ""; FD[depth] = 0 }
      else if (c == "}") {
        if (VAL[depth, "_type"] == "gradio.FileData" && KEY[depth - 1] == "meta") FD[depth - 1] = 1
        if (VAL[depth, "path"] != "" && (FD[depth] || VAL[depth, "orig_name"] != "")) {
          name = VAL[depth, "orig_name"]; if (name == "") name = basename(VAL[depth, "path"])
          print urlencode(VAL[depth, "path"]) "\t" safename(name)
        }
        depth--
      }
      else if (c == "[") { depth++; KEY[depth] = "" }
      else if (c == "]") depth--
    }
    if (k < n) instr = 1
  }
}
function urlencode(s,   out, i, c) {
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c ~ /[A-Za-z0-9._~\/-]/) out = out c
    else out = out sprintf("%%%02X", ORD[c])
  }
  return out
}
# A file name that stays inside the download folder: no directories, no dot-dot, no controls.
function safename(s) {
  gsub(/[\001-\037\177]/, "_", s)
  s = basename(s)
  sub(/^\.+/, "", s)
  if (s == "") s = "file"
  return s
}'

# Time left before --timeout: `left_ms`, and `left` in seconds for curl; exit 4 when none.
# The time spent is what curl reports for each request plus the pauses between retries, so
# no clock process runs (the shell's own work between requests takes a few milliseconds).
time_left() {
  local frac

  left_ms=$((timeout * 1000 - spent_ms))
  if [ "$left_ms" -le 0 ]; then
    die 4 "timed out after ${timeout}s"
  fi
  frac=$((1000 + left_ms % 1000))
  left="$((left_ms / 1000)).${frac#1}"
}

# Runs curl in the background and waits for it, so that a signal is handled at once.
# $1 names a file for curl's write-out; the rest are curl's arguments. Sets curl_rc,
# `code` (the HTTP status, 000 for none) and `size` (bytes received), and counts the time.
run_curl() {
  local out secs frac

  out=$1
  shift
  time_left
  # -q first: a ~/.curlrc must not change what this script parses.
  curl -q -K "$tmp/curl.cfg" --max-time "$left" -w '%{http_code} %{time_total} %{size_download}\n' "$@" >"$out" &
  child=$!
  if wait "$child"; then curl_rc=0; else curl_rc=$?; fi
  child=''
  code=000 secs=0.0 size=0
  read -r code secs size <"$out" || :
  frac=${secs#*.}000
  frac=${frac%"${frac#???}"}
  frac=${frac#0}
  frac=${frac#0}
  spent_ms=$((spent_ms + ${secs%.*} * 1000 + frac))
}

pause() {
  sleep "$1" &
  child=$!
  wait "$child" || :
  child=''
  spent_ms=$((spent_ms + $1 * 1000))
}

# Reads the first line of a file into `line` (empty when there is none).
first_line() {
  line=''
  IFS= read -r line <"$1" || :
}

transport_failed() {
  case $1 in
    28) die 4 "timed out after ${timeout}s ($2)" ;;
    6) die 4 "cannot resolve the host of $url ($2)" ;;
    7) die 4 "cannot connect to $url ($2)" ;;
    *) die 4 "connection failed: curl exit $1 ($2)" ;;
  esac
}

http_failed() {
  local code body what excerpt hint

  code=$1 body=$2 what=$3
  excerpt=''
  if [ -s "$body" ]; then
    excerpt=$(dd if="$body" bs=240 count=1 2>/dev/null | tr '\n\r\t' '   ')
  fi
  case $code in
    401 | 403) hint="log in: set GRADIO_USERNAME and GRADIO_PASSWORD for the app's own login, or HF_TOKEN for a private Space" ;;
    404) hint="wrong API prefix or Gradio version: this script speaks Gradio $GRADIO_MAJOR (prefix '$API_PREFIX'); check --url, or make the script again with curlgen" ;;
    405) hint="the URL is not a Gradio call route: check --url" ;;
    422) hint="the payload has the wrong shape: --data must be a JSON list with one value per input" ;;
    500) hint="unknown endpoint $API_NAME, or the app failed: list its endpoints with 'curlgen endpoints $url'" ;;
    429 | 503) hint="the app is busy or rate-limited; gave up after $retries retries (CURLGEN_RETRIES)" ;;
    *) hint="unexpected answer from the app" ;;
  esac
  printf '%s: error: HTTP %s from %s: %s\n' "$PROG" "$code" "$what" "$excerpt" >&2
  printf '%s: hint: %s\n' "$PROG" "$hint" >&2
  exit 3
}

# Seconds that a 429/503 answer asks us to wait (Retry-After), or empty.
retry_after() {
  local name value

  wait_for=''
  while IFS=: read -r name value; do
    case $name in
      [Rr][Ee][Tt][Rr][Yy]-[Aa][Ff][Tt][Ee][Rr])
        value=${value# }
        value=${value%%[!0-9]*}
        if [ -n "$value" ]; then
          wait_for=$value
        fi
        ;;
    esac
  done <"$1"
}

# POSTs with curl arguments "$@", retrying a 429 or 503 with backoff and Retry-After.
# $1 names the step for messages. Sets `code`; the answer is in $tmp/post.body.
post() {
  local what attempt backoff

  what=$1
  shift
  attempt=0
  backoff=1
  while :; do
    run_curl "$tmp/post.code" -X POST -D "$tmp/post.head" -o "$tmp/post.body" "$@"
    if [ "$curl_rc" -ne 0 ]; then
      transport_failed "$curl_rc" "$what"
    fi
    case $code in
      429 | 503) ;;
      *) return 0 ;;
    esac
    if [ "$attempt" -ge "$retries" ]; then
      http_failed "$code" "$tmp/post.body" "$what"
    fi
    attempt=$((attempt + 1))
    retry_after "$tmp/post.head"
    if [ -z "$wait_for" ]; then
      wait_for=$backoff
      backoff=$((backoff * 2))
    fi
    time_left
    if [ $((wait_for * 1000)) -ge "$left_ms" ]; then
      http_failed "$code" "$tmp/post.body" "$what (no time left to wait ${wait_for}s)"
    fi
    note "HTTP $code from $what; retry $attempt of $retries in ${wait_for}s"
    pause "$wait_for"
  done
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      -h | --help)
        usage
        exit 0
        ;;
      --*=*)
        # --flag=value is --flag value.
        flag=${1%%=*}
        value=${1#*=}
        shift
        set -- "$flag" "$value" "$@"
        ;;
    esac
    case $1 in
      --url | --data | --session | --timeout | --download | --text | --shout | --times)
        if [ $# -lt 2 ]; then
          die 2 "$1 needs a value (see --help)"
        fi
        ;;
    esac
    case $1 in
      --url) url=$2 ;;
      --data) data_arg=$2 data_given=1 custom=1 ;;
      --session) session=$2 ;;
      --timeout) timeout=$2 ;;
      --download) download_dir=$2 ;;
      --text) in_text_raw=$2 in_text_set=1 custom=1 ;;
      --shout) in_shout_raw=$2 in_shout_set=1 custom=1 ;;
      --times) in_times_raw=$2 in_times_set=1 custom=1 ;;
      --stream)
        mode=stream
        shift
        continue
        ;;
      --raw)
        mode=raw
        shift
        continue
        ;;
      --quiet)
        quiet=1
        shift
        continue
        ;;
      *) die 2 "unknown argument: $1 (see --help)" ;;
    esac
    shift 2
  done
}

check_args() {
  case $url in
    http://* | https://*) url=${url%/} ;;
    *) die 2 "--url must be an http(s) URL, got '$url'" ;;
  esac
  case $timeout in
    '' | *[!0-9]* | 0) die 2 "--timeout must be a whole number of seconds, got '$timeout'" ;;
  esac
  case $retries in
    '' | *[!0-9]*) die 2 "CURLGEN_RETRIES must be a whole number, got '$retries'" ;;
  esac
  case $session in
    *[!A-Za-z0-9._~-]*) die 2 "--session may hold only A-Z a-z 0-9 . _ ~ -, got '$session'" ;;
  esac
  if [ -n "$download_dir" ]; then
    mkdir -p -- "$download_dir" 2>/dev/null || die 2 "cannot create the folder $download_dir"
  fi
}

# A private folder for the payload, the answers, the cookie jar and curl's config.
make_tmp() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlgen.XXXXXX") || die 2 "cannot make a temporary folder in ${TMPDIR:-/tmp}"
  case $tmp in
    *[\"\\]* | *"$NL"*) die 2 "TMPDIR holds a character curl's config cannot carry: $tmp" ;;
  esac
  printf 'silent\n' >"$tmp/curl.cfg"
}

# Secrets go into curl's config file, never onto a command line that ps would show.
set_up_auth() {
  local token user pass

  token=${HF_TOKEN:-}
  user=${GRADIO_USERNAME:-}
  pass=${GRADIO_PASSWORD:-}
  if [ -n "$token" ]; then
    case $token in
      *[\"\\]* | *[[:cntrl:]]*) die 2 "HF_TOKEN holds a quote, backslash or line break" ;;
    esac
    printf 'header = "Authorization: Bearer %s"\n' "$token" >>"$tmp/curl.cfg"
  fi
  if [ -z "$user" ] && [ -z "$pass" ]; then
    return 0
  fi
  if [ -z "$user" ] || [ -z "$pass" ]; then
    die 2 "set both GRADIO_USERNAME and GRADIO_PASSWORD to log in"
  fi
  printf 'cookie = "%s/jar"\ncookie-jar = "%s/jar"\n' "$tmp" "$tmp" >>"$tmp/curl.cfg"
  printf '%s' "$user" >"$tmp/user"
  printf '%s' "$pass" >"$tmp/pass"
  post "login" --data-urlencode "username@$tmp/user" --data-urlencode "password@$tmp/pass" "$url/login"
  rm -f "$tmp/user" "$tmp/pass"
  case $code in
    200 | 302 | 303 | 307) ;;
    400) die 3 "login refused: check GRADIO_USERNAME and GRADIO_PASSWORD" ;;
    *) http_failed "$code" "$tmp/post.body" "login" ;;
  esac
}

# --data given when running: check it and spread it over the inputs.
take_data() {
  local idx value

  if ! CG_PROG="$PROG" CG_DATA="$data_arg" CG_N=3 CG_VISIBLE=3 \
    CG_K1=string \
    CG_K2=boolean \
    CG_K3=number \
    LC_ALL=C awk -v mode=split "$AWK_PROG" </dev/null >"$tmp/split"; then
    exit 2
  fi
  while IFS="$TAB" read -r idx _ value; do
    case $idx in
      1) in_text_json=$value in_text_set=0 ;;
      2) in_shout_json=$value in_shout_set=0 ;;
      3) in_times_json=$value in_times_set=0 ;;
    esac
  done <"$tmp/split"
}

# The POST body, written to $tmp/payload.json.
build_payload() {
  if [ "$custom" = 0 ] && [ "$session" = "$DEFAULT_SESSION" ]; then
    printf '%s\n' "$BAKED_PAYLOAD" >"$tmp/payload.json"
    return 0
  fi
  if ! CG_PROG="$PROG" CG_SESSION="$session" CG_N=3 \
    CG_K1=string CG_J1="$in_text_json" CG_S1="$in_text_set" CG_V1="$in_text_raw" CG_F1=--text \
    CG_K2=boolean CG_J2="$in_shout_json" CG_S2="$in_shout_set" CG_V2="$in_shout_raw" CG_F2=--shout \
    CG_K3=number CG_J3="$in_times_json" CG_S3="$in_times_set" CG_V3="$in_times_raw" CG_F3=--times \
    LC_ALL=C awk -v mode=payload "$AWK_PROG" </dev/null >"$tmp/payload.json"; then
    exit 2
  fi
}

# POSTs the payload; the event id goes to `event_id`.
start_call() {
  local id

  post "POST $API_NAME" -H 'Content-Type: application/json' --data-binary "@$tmp/payload.json" "$url$API_PREFIX/call/$API_NAME"
  if [ "$code" != 200 ]; then
    http_failed "$code" "$tmp/post.body" "POST $url$API_PREFIX/call/$API_NAME"
  fi
  first_line "$tmp/post.body"
  id=${line#*\"event_id\"}
  id=${id#*\"}
  id=${id%%\"*}
  case $id in
    '' | *[!0-9a-f]*) id='' ;;
  esac
  if [ "${#id}" -ne 32 ]; then
    die 3 "the POST answered '$line' instead of an event id"
  fi
  event_id=$id
}

# The awk that reads the stream live, flushing each line as it comes. mawk comes last: it
# buffers a pipe until it closes unless run with -W interactive, which is slow on long lines.
pick_awk() {
  live_awk=${CURLGEN_AWK:-}
  live_args=''
  if [ -z "$live_awk" ]; then
    if command -v gawk >/dev/null 2>&1; then
      live_awk='gawk'
    elif command -v busybox >/dev/null 2>&1; then
      live_awk='busybox' live_args='awk'
    elif command -v original-awk >/dev/null 2>&1; then
      live_awk='original-awk'
    else
      live_awk='awk'
    fi
  fi
  case $("$live_awk" $live_args -W version 2>/dev/null </dev/null || :) in
    mawk*) live_args="$live_args -W interactive" ;;
  esac
}

# On a terminal, while the result is awaited: a note whenever a heartbeat has come in.
watch_heartbeats() {
  local seen now

  seen=0
  while sleep 1; do
    now=$(wc -c <"$tmp/stream")
    now=$((now + 0))
    if [ "$now" -gt "$seen" ]; then
      seen=$now
      case $(tail -c 29 "$tmp/stream") in
        "event: heartbeat${NL}data: null") note "waiting for the app..." ;;
      esac
    fi
  done
}

# GETs the result stream into $tmp/stream, through the live awk when something is shown
# as it arrives (--stream, --raw, or notes on a terminal). Sets curl_rc and `code`.
fetch_stream() {
  local get_url notes stream raw

  if [ -n "$session" ] && [ "$GRADIO_MAJOR" -lt 6 ]; then
    # Gradio 4 and 5 look a GET up by session when the POST carried a session_hash.
    get_url="$url$API_PREFIX/call/$API_NAME/$session"
  else
    get_url="$url$API_PREFIX/call/$API_NAME/$event_id"
  fi
  notes=0
  if [ "$quiet" = 0 ] && [ -t 2 ]; then
    notes=1
  fi
  # curl makes no -o file when no byte comes (a timeout before the first heartbeat).
  : >"$tmp/stream"
  if [ "$mode" = result ]; then
    if [ "$notes" = 1 ]; then
      watch_heartbeats &
      watcher=$!
    fi
    run_curl "$tmp/get.code" -N -o "$tmp/stream" "$get_url"
    if [ -n "$watcher" ]; then
      kill "$watcher" 2>/dev/null || :
      watcher=''
    fi
  else
    pick_awk
    mkfifo "$tmp/fifo"
    stream=0 raw=0
    case $mode in
      stream) stream=1 ;;
      raw) raw=1 ;;
    esac
    # shellcheck disable=SC2086 # live_args is zero, one or two words: split on purpose
    set -- $live_args -v mode=live -v stream="$stream" -v raw="$raw" -v notes="$notes" "$AWK_PROG"
    tee "$tmp/stream" <"$tmp/fifo" | CG_PROG="$PROG" "$live_awk" "$@" &
    filter=$!
    run_curl "$tmp/get.code" -N -o "$tmp/fifo" "$get_url"
    wait "$filter" || :
    filter=''
  fi
}

# Reads the last event from stdin (the tail of the stream): prints its data when it is the
# result (and $1 is 1), keeps an error's message; exits 0, 10 or 11 as the awk finish does.
last_event() {
  local ev data

  ev=''
  IFS= read -r ev || :
  case $ev in
    'event: complete')
      if [ "$1" = 1 ]; then
        head -n 1 | tail -c +7
      fi
      return 0
      ;;
    'event: error')
      # Read first: the redirection of awk's stdin below is made before its assignments.
      data=$(head -n 1 | tail -c +7)
      CG_DATA="$data" LC_ALL=C awk -v mode=errmsg "$AWK_PROG" </dev/null >"$tmp/error"
      return 10
      ;;
  esac
  return 11
}

# Decides the outcome from the end of the stream: the result, an error, or nothing.
finish() {
  local show ev last_ev last outcome message

  case $code in
    200 | 000 | '') ;;
    *) http_failed "$code" "$tmp/stream" "GET $API_NAME result" ;;
  esac
  show=1
  if [ "$mode" = raw ]; then
    show=0
  fi
  : >"$tmp/error"
  if [ "$size" -le 4096 ]; then
    # A small stream is read by the shell itself: no program to start.
    ev='' last_ev='' last=''
    while IFS= read -r line; do
      case $line in
        'event: '*) ev=${line#event: } ;;
        'data: '*) last_ev=$ev last=${line#data: } ;;
      esac
    done <"$tmp/stream"
    case $last_ev in
      complete)
        if [ "$show" = 1 ]; then
          printf '%s\n' "$last"
        fi
        return 0
        ;;
      error)
        CG_DATA="$last" LC_ALL=C awk -v mode=errmsg "$AWK_PROG" </dev/null >"$tmp/error"
        outcome=10
        ;;
      *) outcome=11 ;;
    esac
  elif [ "$size" -le 1048576 ]; then
    # One awk reads a small stream whole.
    if CG_ERRFILE="$tmp/error" LC_ALL=C awk -v mode=finish -v show="$show" "$AWK_PROG" <"$tmp/stream"; then
      return 0
    else
      outcome=$?
    fi
  else
    # A big one is read from its end by tail and head, which hold no line in memory: the
    # last three lines are the last event, its data and a blank line.
    if tail -n 3 "$tmp/stream" | last_event "$show"; then
      return 0
    else
      outcome=$?
    fi
  fi
  if [ "$outcome" = 10 ]; then
    message=''
    first_line "$tmp/error"
    message=$line
    if [ -n "$message" ]; then
      die 1 "the app reported an error: $message"
    fi
    die 1 "the app reported an error (Gradio $GRADIO_MAJOR sends no message here; see the app's log)"
  fi
  case $curl_rc in
    0 | 18) die 4 "the result stream ended without a result" ;;
    *) transport_failed "$curl_rc" "GET $API_NAME result" ;;
  esac
}

# Saves every file of the result into --download DIR, through $P/file=PATH.
download_files() {
  local file name dest n stem ext

  # The result is the last data line but one (a blank line ends the stream).
  tail -n 2 "$tmp/stream" | head -n 1 | tail -c +7 | LC_ALL=C awk -v mode=files "$AWK_PROG" >"$tmp/files"
  while IFS="$TAB" read -r file name; do
    dest="$download_dir/$name"
    n=1
    while [ -e "$dest" ]; do
      stem=${name%.*}
      ext=${name#"$stem"}
      dest="$download_dir/$stem-$n$ext"
      n=$((n + 1))
    done
    run_curl "$tmp/dl.code" -o "$dest" "$url$API_PREFIX/file=$file"
    if [ "$curl_rc" -ne 0 ]; then
      rm -f -- "$dest"
      transport_failed "$curl_rc" "download of $name"
    fi
    if [ "$code" != 200 ]; then
      mv -- "$dest" "$tmp/dl.body" 2>/dev/null || :
      http_failed "$code" "$tmp/dl.body" "download of $name"
    fi
    printf '%s: saved %s\n' "$PROG" "$dest" >&2
  done <"$tmp/files"
}

main() {
  parse_args "$@"
  check_args
  make_tmp
  if [ "$data_given" = 1 ]; then
    take_data
  fi
  set_up_auth
  build_payload
  start_call
  fetch_stream
  finish
  if [ -n "$download_dir" ]; then
    download_files
  fi
}

trap cleanup EXIT
trap 'on_signal 129' HUP
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
main "$@"
