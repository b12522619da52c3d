# Makefile for newsgraph (hand-written GNU make).
#
#   make                 library (build/libnewsgraph.a, .so) and ./newsgraph
#                        (the front) with ./newsgraph-full (every command)
#   make test            install missing packages, build, run tests/run.sh
#   make SANITIZER=address,undefined test   the same in build-address-undefined/
#   make test VALGRIND=1 (or make test-valgrind)  CLI tests under valgrind
#   make demo | bench | eval | corpus | install | uninstall | clean
#
# Sources are found by wildcard: the *.c of extract/ util/ graph/ store/
# link/ net/ make the library, cli/*.c and input/*.c the command,
# tests/unit/test_*.c one test program each (HACKING.md has the map).
# Headers are included by folder ("store/store.h") from the top (-I.);
# extract/ keeps its own -Iextract.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share/newsgraph
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
SHARED     ?= ../shared

CC         ?= cc
AR         ?= ar
PKG_CONFIG ?= pkg-config
INSTALL    ?= install
PYTHON     ?= python3

CFLAGS  ?= -O2 -g
LDFLAGS ?=

PKGS := redland raptor2 rasqal libcurl sqlite3 json-c libxml-2.0
VERSION := $(shell sed -n 's/^\#define NG_VERSION "\(.*\)"/\1/p' include/newsgraph.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

# -- build directory: one per sanitizer setting, so builds never mix
comma := ,
SANITIZER ?=
ifeq ($(strip $(SANITIZER)),)
BUILD := build
BIN   := newsgraph
else
BUILD := build-$(subst $(comma),-,$(strip $(SANITIZER)))
BIN   := $(BUILD)/newsgraph
SAN_FLAGS := -fsanitize=$(strip $(SANITIZER)) -fno-omit-frame-pointer
endif

# pkg-config is asked once; quiet so that `make deps` works on a bare box
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
PKG_CFLAGS += $(shell $(PKG_CONFIG) --cflags libmicrohttpd 2>/dev/null)

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wwrite-strings
ALL_CFLAGS := -std=c11 $(WARN) -Iinclude -I. -Iextract \
              -DNG_DATADIR=\"$(DATADIR)\" $(PKG_CFLAGS) \
              $(CFLAGS) $(SAN_FLAGS) -MMD -MP
# each function its own section: the front keeps only what it reaches
ALL_CFLAGS += -ffunction-sections -fdata-sections
ALL_CFLAGS += -DNG_LIBEXECDIR=\"$(LIBEXECDIR)\"
ALL_LDFLAGS := $(LDFLAGS) $(SAN_FLAGS) -pthread
LDLIBS := $(PKG_LIBS) -lm
# libmicrohttpd for `newsgraph serve` (not in the library's .pc)
LDLIBS     += $(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null)

LIB_SRCS  := $(sort $(wildcard extract/*.c util/*.c graph/*.c store/*.c \
                                 link/*.c net/*.c))
CLI_SRCS  := $(sort $(wildcard cli/*.c input/*.c))
# page/: the HTML pages (library); serve/: `newsgraph serve` (the command)
LIB_SRCS  += $(sort $(wildcard page/*.c))
CLI_SRCS  += $(sort $(wildcard serve/*.c))
# cli/front*.c: the front (below), not part of the full command
CLI_SRCS  := $(filter-out cli/front.c cli/front_stubs.c,$(CLI_SRCS))
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o)
CLI_OBJS  := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
# fuzz/fuzz_NAME.c harnesses; NAME-replay runs one over files (make test)
FUZZ_SRCS   := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_NAMES  := $(FUZZ_SRCS:fuzz/fuzz_%.c=%)
REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/fuzz/%-replay)
# the input readers (part of the command) are fuzzed too
INPUT_OBJS  := $(filter $(BUILD)/input/%,$(CLI_OBJS))

# Two binaries (HACKING.md, "The front and newsgraph-full"): $(BIN) is
# the front users start, linked with libc, libm and json-c only; it runs
# one plain text article itself and
# execs $(FULL_BIN) (the whole command, the whole RDF/curl stack) for
# everything else.  FRONT_OBJS: front.c, the helpers of main.c (no
# command table: -DNGI_FRONT), -o FILE, the kinds of input.
FULL_BIN   := $(dir $(BIN))newsgraph-full
FRONT_OBJS := $(BUILD)/cli/front.o $(BUILD)/cli/main-front.o \
              $(BUILD)/cli/output.o $(BUILD)/cli/sources.o \
              $(BUILD)/cli/front_stubs.o
STATIC_LIB := $(BUILD)/libnewsgraph.a
SHARED_LIB := $(BUILD)/libnewsgraph.so.$(VERSION)
SONAME     := libnewsgraph.so.$(SOMAJOR)

# Rebuild everything when the flags change (PREFIX, CFLAGS, SANITIZER ...).
FLAGS_FILE := $(BUILD)/.flags
FLAGS_NOW  := $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS)
ifneq ($(FLAGS_NOW),$(file < $(FLAGS_FILE)))
$(shell mkdir -p $(BUILD))
$(file > $(FLAGS_FILE),$(FLAGS_NOW))
endif

.PHONY: examples all deps unit demo test test-valgrind bench eval corpus \
        install uninstall clean fuzz fuzz-build
.PHONY: bench-serve screenshot
.DEFAULT_GOAL := all

all: $(BIN) $(FULL_BIN) $(STATIC_LIB) $(SHARED_LIB)

deps:
	@bash scripts/deps.sh

unit: $(TEST_BINS) $(REPLAY_BINS)

# -- compiling and linking

$(BUILD)/%.o: %.c $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(STATIC_LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED_LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(LDLIBS)

# The lexicon cache is keyed on the code that builds a lexicon: a change
# to it makes every cache stale (extract/lexcache.h).
LEXCODE := extract/lexicon.c extract/arena.c extract/textutil.c extract/lexcache.c
$(BUILD)/extract/lexcache.o: $(LEXCODE)
$(BUILD)/extract/lexcache.o: ALL_CFLAGS += -DNGI_LEXCODE=\"$(firstword $(shell cat $(LEXCODE) extract/lexicon.h extract/arena.h | cksum))\"

# the full command: every subcommand, linked with the whole stack
$(FULL_BIN): $(CLI_OBJS) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJS) $(STATIC_LIB) $(LDLIBS)

# the front: no RDF, curl, XML, store or HTTP library (see `ldd`); json-c
# (one small library) for -f jsonld
FRONT_LIBS := $(shell $(PKG_CONFIG) --libs json-c 2>/dev/null) -lm
$(BIN): $(FRONT_OBJS) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -Wl,--gc-sections -o $@ $(FRONT_OBJS) \
	  $(STATIC_LIB) $(FRONT_LIBS)

$(BUILD)/cli/main-front.o: cli/main.c $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DNGI_FRONT -fPIC -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(STATIC_LIB) $(LDLIBS)

$(BUILD)/fuzz/%-replay: $(BUILD)/fuzz/fuzz_%.o $(BUILD)/fuzz/replay.o \
                       $(INPUT_OBJS) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

# page/page.css, embedded in page/html.c as a C string
$(BUILD)/page/page_css.h: page/page.css
	@mkdir -p $(@D)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@
$(BUILD)/page/html.o: $(BUILD)/page/page_css.h
$(BUILD)/page/html.o: ALL_CFLAGS += -I$(BUILD)/page

.SECONDARY: $(TEST_OBJS) $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%.o)

-include $(FRONT_OBJS:.o=.d)
-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(TEST_OBJS:.o=.d) \
         $(wildcard $(BUILD)/fuzz/*.d)

# -- using it.  Targets that need the packages first install them, then
# build in a fresh make so that pkg-config is asked again.

demo: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) extract examples/geneva-summit.txt

# valgrind: leaks inside raptor (tests/valgrind.supp) are not ours
VG_SUPP := --suppressions=$(CURDIR)/tests/valgrind.supp

# The example article's graph and picture, as the README shows them.
examples: all
	./$(BIN) extract examples/geneva-summit.txt > examples/geneva-summit.ttl
	bash scripts/picture.sh examples/geneva-summit.txt putin examples/geneva-summit.png

# The tests run the front, which hands most command lines to
# newsgraph-full; under valgrind they run newsgraph-full itself, so that
# each command is not started under valgrind twice (the front is checked
# by the sanitizer build and tests/front).
NG_TEST_BIN := $(if $(filter-out 0,$(VALGRIND)),$(FULL_BIN),./$(BIN))

test: deps
	@$(MAKE) --no-print-directory all unit
	NG_BIN=$(NG_TEST_BIN) NG_BUILD=$(BUILD) NG_SHARED=$(SHARED) \
	  NG_SANITIZER=$(SANITIZER) VALGRIND=$(VALGRIND) \
	  VALGRIND_OPTS="$(VG_SUPP) $$VALGRIND_OPTS" \
	  bash tests/run.sh

test-valgrind:
	@$(MAKE) --no-print-directory test VALGRIND=1

# -- fuzzing (clang's libFuzzer): `make fuzz FUZZ_SECONDS=N` builds every
# fuzz/fuzz_*.c harness with -fsanitize=fuzzer,address,undefined in
# build-fuzz/ and runs each for N seconds (fuzz/run.sh: seeds, dictionary,
# findings in build-fuzz/fuzz/findings/).  FUZZ=NAME runs only that one.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ         ?= $(FUZZ_NAMES)
FUZZ_BINS    := $(FUZZ_NAMES:%=$(BUILD)/fuzz/%-fuzzer)

fuzz:
	@bash scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-build BUILD=build-fuzz \
	  CC=$(FUZZ_CC) CFLAGS='-O1 -g' \
	  SAN_FLAGS='-fsanitize=fuzzer-no-link,address,undefined \
	    -fno-sanitize-recover=undefined -fno-omit-frame-pointer'
	NG_SHARED=$(SHARED) bash fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ)

fuzz-build: $(FUZZ_BINS)

$(BUILD)/fuzz/%-fuzzer: $(BUILD)/fuzz/fuzz_%.o $(INPUT_OBJS) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

bench: all
	bash scripts/bench.sh ./$(BIN) $(SHARED)/corpus
	bash scripts/bench-outdir.sh ./$(BIN) $(SHARED)/corpus

# push next to curl, to a local Virtuoso (issue 16)
.PHONY: bench-push
bench-push: all
	bash scripts/bench-push.sh ./$(BIN) $(SHARED)/corpus

bench-link: all
	NG_SHARED=$(SHARED) bash scripts/bench-link.sh

# `newsgraph serve` under load (wrk, loopback): requests/s and p99
bench-serve: all
	bash scripts/bench-serve.sh ./$(BIN) $(SHARED)/corpus

# docs/article-page.png, the example article's page as the README shows it
screenshot: all
	./$(BIN) extract -f html -o $(BUILD)/article-page.html examples/geneva-summit.txt
	bash scripts/chromium.sh shot file://$(CURDIR)/$(BUILD)/article-page.html docs/article-page.png

.PHONY: bench-store
bench-store: all
	bash scripts/bench-queries.sh ./$(BIN) $(SHARED)/corpus

eval: all
	$(PYTHON) $(SHARED)/eval/score.py --cmd './$(BIN) extract {}' -v

corpus: all
	bash scripts/corpus.sh ./$(BIN) $(SHARED)/corpus

# -- installing

# the .pc names its folders under $${prefix} when they are (relocatable)
pc_rel = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

newsgraph.pc: newsgraph.pc.in include/newsgraph.h $(FLAGS_FILE)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(call pc_rel,$(LIBDIR))|g' \
	    -e 's|@INCLUDEDIR@|$(call pc_rel,$(INCLUDEDIR))|g' \
	    -e 's|@DATADIR@|$(call pc_rel,$(DATADIR))|g' \
	    -e 's|@VERSION@|$(VERSION)|g' -e 's|@REQUIRES@|$(PKGS)|g' \
	    $< > $@

install: all newsgraph.pc
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/newsgraph
	$(INSTALL) -d $(DESTDIR)$(LIBEXECDIR)
	$(INSTALL) -m 755 $(FULL_BIN) $(DESTDIR)$(LIBEXECDIR)/newsgraph-full
	$(INSTALL) -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/libnewsgraph.a
	$(INSTALL) -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/
	ln -sf libnewsgraph.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libnewsgraph.so
	$(INSTALL) -m 644 include/newsgraph.h $(DESTDIR)$(INCLUDEDIR)/
	$(INSTALL) -m 644 newsgraph.pc $(DESTDIR)$(LIBDIR)/pkgconfig/
	$(INSTALL) -m 644 docs/newsgraph.1 $(DESTDIR)$(MANDIR)/man1/
	cd ontology && find . -type d -exec \
	  $(INSTALL) -d '$(DESTDIR)$(DATADIR)/{}' \;
	cd ontology && find . -type f ! -name "*.py" -exec \
	  $(INSTALL) -m 644 '{}' '$(DESTDIR)$(DATADIR)/{}' \;

uninstall:
	rm -f $(DESTDIR)$(LIBEXECDIR)/newsgraph-full
	rm -f $(DESTDIR)$(BINDIR)/newsgraph $(DESTDIR)$(LIBDIR)/libnewsgraph.a \
	  $(DESTDIR)$(LIBDIR)/libnewsgraph.so $(DESTDIR)$(LIBDIR)/$(SONAME) \
	  $(DESTDIR)$(LIBDIR)/libnewsgraph.so.$(VERSION) \
	  $(DESTDIR)$(INCLUDEDIR)/newsgraph.h \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/newsgraph.pc \
	  $(DESTDIR)$(MANDIR)/man1/newsgraph.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-* newsgraph newsgraph.pc
	rm -f newsgraph-full
