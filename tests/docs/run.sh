#!/bin/bash
# tests/docs/run.sh - the documentation against the program (issue 17).
#  1. help vs man page: every option of a subcommand's --help is in the man
#     page's "OPTIONS OF <COMMAND>" section and every option that section
#     lists is in the --help; exit codes, environment variables (those the
#     help names and those the code reads) and formats (extract --help) are
#     in the man page, formats in the README too.
#  2. the library as a user gets it: `make install` into a temporary
#     DESTDIR, then every examples/c/*.c, the header's own example and its
#     snippets, and every ```c block of README.md and docs/*.md are built
#     with that tree's pkg-config (-Wall -Wextra -Werror) and run, with no
#     NEWSGRAPH_DATA and no ./ontology: the install finds its own data.
# Environment: NG_BIN (./newsgraph), NG_SANITIZER (as make's SANITIZER).
# Last line: "N passed, N failed".
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" docs || exit 1
fail_tag= # its FAIL lines do not name the suite
ROOT=$PWD
CC=${CC:-cc}
check_rc() { # check_rc CONDITION-RESULT MESSAGE
  if [ "$1" = 0 ]; then pass; else fail "$2"; fi
}

# ------------------------------------------------ help against the man page

# the man page as plain words: \- is -, font changes dropped
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(em/--/g' \
  docs/newsgraph.1 > "$tmp/man.txt"
section() { # the lines of one .SH section
  awk -v h=".SH $1" '/^\.SH /{on = ($0 == h); next} on' "$tmp/man.txt"
}
# options in text: -x or --word, at a word start
opts_in() {
  grep -oE '(^|[][ ,(|])(--[a-z][a-z0-9-]*|-[a-zA-Z])([^a-zA-Z0-9-]|$)' |
    sed -E 's/^[][ ,(|]//; s/[^a-zA-Z0-9-]$//' | sort -u
}
# the options a --help offers: its usage line and its option lines
help_opts() {
  grep -E '^(usage:|[[:space:]]+-)' | sed -E 's/^usage: newsgraph [a-z]+//' |
    opts_in
}
# the options a man section defines: its .TP tag lines
man_opts() {
  awk '/^\.TP/{getline; print}' | opts_in
}

"$NG_BIN" --help > "$tmp/help.txt"
cmds=$(awk '/^Commands:/{on=1; next} on && /^$/{exit} on{print $1}' \
  "$tmp/help.txt")
[ -n "$cmds" ]; check_rc $? "no commands in newsgraph --help"
for c in $cmds; do
  up=$(echo "$c" | tr a-z A-Z)
  "$NG_BIN" "$c" --help > "$tmp/h-$c.txt" 2>&1
  check_rc $? "newsgraph $c --help: exit $?"
  section "OPTIONS OF $up" > "$tmp/m-$c.txt"
  if [ ! -s "$tmp/m-$c.txt" ]; then
    fail "man page: no section 'OPTIONS OF $up'"
    continue
  fi
  help_opts < "$tmp/h-$c.txt" > "$tmp/ho-$c.txt"
  opts_in < "$tmp/m-$c.txt" > "$tmp/mall-$c.txt"
  man_opts < "$tmp/m-$c.txt" > "$tmp/mo-$c.txt"
  missing=$(comm -23 "$tmp/ho-$c.txt" "$tmp/mall-$c.txt" | tr '\n' ' ')
  [ -z "$missing" ]
  check_rc $? "man page, OPTIONS OF $up lacks $missing(in '$c --help')"
  extra=$(comm -13 "$tmp/ho-$c.txt" "$tmp/mo-$c.txt" | tr '\n' ' ')
  [ -z "$extra" ]
  check_rc $? "'newsgraph $c --help' lacks $extra(in the man page)"
done

# the command's own options
for o in $(help_opts < "$tmp/help.txt"); do
  grep -qE -- "(^|[ ,])$o([^a-zA-Z-]|$)" "$tmp/man.txt"
  check_rc $? "man page lacks newsgraph $o"
done

# exit codes: the same numbers in the help and under EXIT STATUS
awk '/^Exit codes:/{on=1; next} on && /^$/{exit} on{print $1}' \
  "$tmp/help.txt" | sort -n > "$tmp/codes-help"
section "EXIT STATUS" | awk '/^\.TP/{getline; print $2}' | sort -n \
  > "$tmp/codes-man"
diff "$tmp/codes-help" "$tmp/codes-man" > "$tmp/codes.diff"
check_rc $? "exit codes of --help (<) and the man page (>) differ:
$(cat "$tmp/codes.diff")"

# environment variables: those any help names or the code reads
section ENVIRONMENT > "$tmp/env-man"
{ cat "$tmp"/h-*.txt "$tmp/help.txt" | grep -oE 'NEWSGRAPH_[A-Z_]+'
  grep -rhoE 'getenv\("NEWSGRAPH_[A-Z_]+' cli input extract graph store \
    link net | sed 's/getenv("//'
} | sort -u > "$tmp/env-used"
for v in $(cat "$tmp/env-used"); do
  grep -qE "^\.B $v\$" "$tmp/env-man"
  check_rc $? "man page, ENVIRONMENT lacks $v"
done

# formats: extract --help's list in the man page and the README
fmts=$(awk '/^Formats:/{getline; print; exit}' "$tmp/h-extract.txt")
[ -n "$fmts" ]; check_rc $? "no Formats: in extract --help"
section "OPTIONS OF EXTRACT" > "$tmp/m-extract.txt"
for f in $fmts; do
  grep -qE "(^|[ ,])$f([ ,.;)]|\$)" "$tmp/m-extract.txt"
  check_rc $? "man page, OPTIONS OF EXTRACT lacks format $f"
  grep -q "\`$f\`" README.md
  check_rc $? "README.md lacks format \`$f\`"
done
grep -q 'RDF/JSON' "$tmp/m-extract.txt"; check_rc $? "man: json is not said to be RDF/JSON"
grep -q 'RDF/JSON' README.md; check_rc $? "README: json is not said to be RDF/JSON"

# ------------------------------------------------ the installed library

stage=$tmp/stage
if ! make --no-print-directory -s install DESTDIR="$stage" \
     SANITIZER="$NG_SANITIZER" > "$tmp/install.log" 2>&1; then
  fail "make install DESTDIR=$stage failed"
  sed 's/^/    /' "$tmp/install.log" | tail -n 20
  echo "$passed passed, $failed failed"
  exit 1
fi
pass
pc=$(find "$stage" -name newsgraph.pc | head -n 1)
prefix=$(dirname "$(dirname "$(dirname "$pc")")")
PKG() {
  PKG_CONFIG_PATH=$(dirname "$pc") pkg-config \
    --define-variable=prefix="$prefix" "$@"
}
cflags=$(PKG --cflags newsgraph); check_rc $? "pkg-config --cflags newsgraph"
libs=$(PKG --libs newsgraph); check_rc $? "pkg-config --libs newsgraph"
libdir=$(PKG --variable=libdir newsgraph)
PKG --static --libs newsgraph > /dev/null
check_rc $? "pkg-config --static --libs newsgraph"
grep -q 'mhash' "$pc"; check_rc $? "newsgraph.pc does not say why static fails"
san=
[ -n "$NG_SANITIZER" ] && san="-fsanitize=$NG_SANITIZER -fno-omit-frame-pointer"
build() { # build NAME SOURCE [extra...]: a program against the staged tree
  local name=$1 src=$2
  shift 2
  # shellcheck disable=SC2086
  $CC -std=c11 -Wall -Wextra -Werror $san $cflags -o "$tmp/bin/$name" \
    "$src" "$@" $libs -Wl,-rpath,"$libdir" > "$tmp/cc.log" 2>&1
}
mkdir -p "$tmp/bin" "$tmp/run"
art=$ROOT/examples/geneva-summit.txt
# run a program where there is no ./ontology, without NEWSGRAPH_DATA
inrun() { (cd "$tmp/run" && env -u NEWSGRAPH_DATA "$@"); }

for src in examples/c/*.c; do
  name=$(basename "$src" .c)
  if ! build "$name" "$src"; then
    fail "examples/c/$name.c does not build:"; sed 's/^/    /' "$tmp/cc.log"
    continue
  fi
  pass
  if [ "$name" = who-said-what ]; then
    inrun "$tmp/bin/$name" "$art" > "$tmp/out" 2> "$tmp/err"
  else
    inrun "$tmp/bin/$name" < "$art" > "$tmp/out" 2> "$tmp/err"
  fi
  check_rc $? "examples/c/$name: exit $?: $(head -n 3 "$tmp/err")"
done
inrun "$tmp/bin/who-said-what" "$art" > "$tmp/out" 2>&1
grep -q '^Putin (quote, bytes [0-9]*-[0-9]*): The conversation was quite constructive$' \
  "$tmp/out"; check_rc $? "who-said-what: Putin's quote"
grep -q '^Biden (reported' "$tmp/out"; check_rc $? "who-said-what: Biden reported"
grep -q '^agreement: .*; parties: ' "$tmp/out"; check_rc $? "who-said-what: agreement"
inrun "$tmp/bin/persons" < "$art" | grep -q '^  Foreign Minister of Russia$'
check_rc $? "persons: Lavrov's role"
inrun "$tmp/bin/query" < "$art" | grep -qE '^Putin	[0-9]+$'
check_rc $? "query: rows"

# the static library, with shared system libraries (as newsgraph.pc says)
if [ -z "$NG_SANITIZER" ]; then
  # shellcheck disable=SC2086
  $CC -std=c11 -Wall -Werror $cflags -o "$prefix/bin/who-said-what-static" \
    examples/c/who-said-what.c "$libdir/libnewsgraph.a" \
    $(pkg-config --libs redland raptor2 rasqal libcurl sqlite3 json-c \
      libxml-2.0) -lm -pthread > "$tmp/cc.log" 2>&1
  check_rc $? "who-said-what against libnewsgraph.a: $(head -n 3 "$tmp/cc.log")"
  inrun "$prefix/bin/who-said-what-static" "$art" | grep -q '^Putin (quote'
  check_rc $? "static who-said-what finds its data beside its bin/"
fi

# the installed command finds its data with no environment
inrun "$prefix/bin/newsgraph" extract "$art" > "$tmp/out.ttl" 2> "$tmp/err"
check_rc $? "installed newsgraph extract: $(head -n 1 "$tmp/err")"
grep -q 'ng:Person' "$tmp/out.ttl"; check_rc $? "installed newsgraph: persons"

# the header's examples: the whole program between "Typical use" and
# "Memory rules", and each other indented block as a function body
hdr=$prefix/include/newsgraph.h
# (a block starts after a blank comment line with " *   " and a non-space,
# and runs through lines indented as much and blank comment lines)
awk -v d="$tmp" '
  /^ \*$/ { if (on) print "" > f; blank = 1; next }
  /^ \*   [^ ]/ && !on && blank { on = 1; n++; f = d "/snip" n ".txt" }
  on && /^ \*   / { sub(/^ \*   /, ""); print > f; blank = 0; next }
  { if (on) close(f); on = 0; blank = 0 }' "$hdr"
nprog=0
for s in "$tmp"/snip*.txt; do
  [ -f "$s" ] || continue
  if grep -q 'int main' "$s"; then
    nprog=$((nprog + 1))
    cp "$s" "$tmp/hdrmain.c"
    if build header-example "$tmp/hdrmain.c"; then
      pass
      inrun "$tmp/bin/header-example" > "$tmp/out" 2> "$tmp/err"
      check_rc $? "the header's example: exit $?: $(head -n 2 "$tmp/err")"
      grep -q '^[0-9]* persons$' "$tmp/out"
      check_rc $? "the header's example prints its persons"
    else
      fail "the header's example does not build:"; sed 's/^/    /' "$tmp/cc.log"
    fi
  else
    { echo '#include <stdio.h>'
      echo '#include <newsgraph.h>'
      echo 'void snippet(ng_doc *doc, ng_store *st, char *err);'
      echo 'void snippet(ng_doc *doc, ng_store *st, char *err) {'
      echo '(void)doc; (void)st; (void)err;'
      cat "$s"
      echo '}'
    } > "$tmp/snip.c"
    # shellcheck disable=SC2086
    $CC -std=c11 -Wall -Wextra -Werror $cflags -c -o "$tmp/snip.o" \
      "$tmp/snip.c" > "$tmp/cc.log" 2>&1
    check_rc $? "a snippet of newsgraph.h does not build: $(cat "$s" |
      head -n 2) $(head -n 5 "$tmp/cc.log")"
  fi
done
[ "$nprog" = 1 ]; check_rc $? "newsgraph.h: $nprog whole programs, not 1"

# ```c blocks of the README and docs: programs are built and run
n=0
for md in README.md docs/*.md; do
  awk -v d="$tmp" -v b="$(basename "$md" .md)" \
    '/^```c$/{n++; f=d "/md-" b "-" n ".c"; on=1; next}
     /^```/{on=0; next} on{print > f}' "$md"
done
for s in "$tmp"/md-*.c; do
  [ -f "$s" ] || continue
  n=$((n + 1))
  name=$(basename "$s" .c)
  if build "$name" "$s"; then
    pass
    inrun "$tmp/bin/$name" < "$art" > /dev/null 2> "$tmp/err"
    check_rc $? "$name (a \`\`\`c block): exit $?: $(head -n 2 "$tmp/err")"
  else
    fail "$name (a \`\`\`c block) does not build:"; sed 's/^/    /' "$tmp/cc.log"
  fi
done
[ "$n" -ge 1 ]; check_rc $? "no \`\`\`c block in README.md or docs/"

finish
