// Fuzzing entry points for refpy: libFuzzer's LLVMFuzzerTestOneInput and,
// with RP_AFL_MAIN, an AFL++-compatible main reading one input on stdin.
// Each input goes through lexer, parser and compiler, then runs as a fresh
// module with a time budget enforced through the VM's interrupt flag.
#define _GNU_SOURCE     // memmem
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compile/compile.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "vm/vm.h"

// Run budget (REFPY_FUZZ_BUDGET_MS, default 100): past it the watchdog keeps
// raising KeyboardInterrupt in the running code (the eval loop polls
// rp_interp.pending_signal).
static long budget_ms = 100;

static atomic_long run_started_ms;     // 0: no input running

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *watchdog(void *arg)
{
    (void)arg;
    for (;;) {
        usleep(budget_ms < 50 ? 2000 : 10000);
        long start = atomic_load(&run_started_ms);
        if (start && now_ms() - start > budget_ms)
            rp_interp.pending_signal = 1;
    }
    return NULL;
}

// Huge requests return NULL (MemoryError in refpy) instead of aborting.
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1:max_allocation_size_mb=512:detect_leaks=0";
}

// Interpreter-wide state an input can change, snapshotted after start-up
// and restored after every input, so that one input's settings (a gc
// callback, DEBUG_SAVEALL, tracemalloc, a replaced sys.stdout or builtin,
// an imported module) neither slow down nor change the inputs after it.
static const char reset_setup_src[] =
    "import gc as _gc, sys as _sys, builtins as _bi, tracemalloc as _tm, memlab as _ml\n"
    "_b = dict(_bi.__dict__); _s = dict(_sys.__dict__); _m = dict(_sys.modules)\n";
static const char reset_src[] =
    "_gc.callbacks.clear(); _gc.garbage.clear(); _gc.set_debug(0)\n"
    "_gc.set_threshold(700, 10, 10); _gc.enable()\n"
    "_tm.stop(); _ml.trace_gc(False); _ml.watch(False); _sys.setrecursionlimit(1000)\n"
    "_d = _bi.__dict__; _d.clear(); _d.update(_b)\n"
    "_d = _sys.__dict__; _d.clear(); _d.update(_s)\n"
    "_d = _sys.modules; _d.clear(); _d.update(_m); _d = None\n";
static rp_obj_t *reset_globals, *reset_code;

static rp_obj_t *compile_cstr(const char *src)
{
    rp_obj_t *filename = rp_str_from_cstr("<fuzz-reset>");
    if (!filename)
        return NULL;
    rp_unit_info_t unit = {RP_UNIT_SCRIPT, 0};
    rp_obj_t *code = rp_compile_source(src, strlen(src), filename, RP_COMPILE_EXEC, unit, NULL);
    rp_decref(filename);
    return code;
}

static void reset_state(void)
{
    rp_obj_t *r = rp_eval_code(reset_code, reset_globals, reset_globals);
    rp_xdecref(r);
    rp_err_clear();
}

static void init_once(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    static char *argv[] = {"fuzz_refpy", NULL};
    if (rp_vm_init(1, argv) < 0)
        abort();
    // No input may take more than 512 MiB in one block (ASan's limit too)
    // or grow the heap past 1 GiB with large blocks: larger requests are a
    // MemoryError, as on a smaller machine.
    rp_mem_set_max_block((size_t)512 << 20, (size_t)1 << 30);
    const char *b = getenv("REFPY_FUZZ_BUDGET_MS");
    if (b && atol(b) > 0)
        budget_ms = atol(b);
    rp_obj_t *setup = compile_cstr(reset_setup_src);
    reset_code = compile_cstr(reset_src);
    reset_globals = rp_dict_new();
    if (!setup || !reset_code || !reset_globals)
        abort();
    rp_obj_t *r = rp_eval_code(setup, reset_globals, reset_globals);
    if (!r)
        abort();
    rp_decref(r);
    rp_decref(setup);
    // The start-up heap never becomes garbage: keep it out of the full
    // collection that ends every input, which then only sees the input's
    // own objects.
    rp_gc_collect(2);
    rp_err_clear();
    rp_gc_freeze();
    pthread_t t;
    pthread_create(&t, NULL, watchdog, NULL);
    pthread_detach(t);
}

// Code that can swallow the interrupt (bare except, BaseException) could
// outlive any budget: such inputs are compiled but not run.
static bool may_swallow_interrupt(const uint8_t *data, size_t size)
{
    static const char *const words[] = {"except:", "except :", "BaseException",
                                        "KeyboardInterrupt", "finally", "sleep", NULL};
    for (int i = 0; words[i]; i++)
        if (memmem(data, size, words[i], strlen(words[i])))
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    init_once();
    rp_obj_t *filename = rp_str_from_cstr("<fuzz>");
    if (!filename) {
        rp_err_clear();
        return 0;
    }
    rp_unit_info_t unit = {RP_UNIT_SCRIPT, 0};
    rp_obj_t *code = rp_compile_source((const char *)data, size, filename,
                                       RP_COMPILE_EXEC, unit, NULL);
    rp_decref(filename);
    if (!code) {
        rp_err_clear();
        return 0;
    }
    if (!may_swallow_interrupt(data, size)) {
        rp_obj_t *globals = rp_dict_new();
        rp_obj_t *name = rp_str_from_cstr("__fuzz__");
        if (globals && name && rp_dict_set_cstr(globals, "__name__", name) == 0) {
            rp_interp.pending_signal = 0;
            atomic_store(&run_started_ms, now_ms());
            rp_obj_t *r = rp_eval_code(code, globals, globals);
            atomic_store(&run_started_ms, 0);
            rp_interp.pending_signal = 0;
            rp_xdecref(r);
        }
        rp_err_clear();
        rp_xdecref(name);
        if (globals) {
            rp_dict_clear(globals);     // break function <-> globals cycles
            rp_decref(globals);
        }
    }
    rp_decref(code);
    rp_err_clear();
    reset_state();
    rp_gc_collect(2);
    rp_err_clear();
    return 0;
}

#ifdef RP_AFL_MAIN
// AFL++ (or a plain replay): one input on stdin, or each file named.
static int run_file(FILE *f)
{
    size_t cap = 1 << 16, len = 0;
    uint8_t *buf = malloc(cap);
    if (!buf)
        return 1;
    size_t n;
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return 1;
            }
            buf = nb;
        }
    }
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return run_file(stdin);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        run_file(f);
        fclose(f);
    }
    return 0;
}
#endif
