// The time module: wall clock, monotonic and process clocks (seconds as
// float or nanoseconds as int) and sleep() interruptible by Ctrl-C.
#include <errno.h>
#include <math.h>
#include <time.h>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "modules/registry.h"
#include "vm/vm.h"

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static rp_obj_t *seconds(const char *name, size_t nargs, clockid_t id)
{
    if (rp_arg_count(name, nargs, 0, 0) < 0)
        return NULL;
    struct timespec ts;
    clock_gettime(id, &ts);
    return rp_float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static rp_obj_t *nanoseconds(const char *name, size_t nargs, clockid_t id)
{
    if (rp_arg_count(name, nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_i64(clock_ns(id));
}

FN(t_time) { return seconds("time", nargs, CLOCK_REALTIME); }
FN(t_time_ns) { return nanoseconds("time_ns", nargs, CLOCK_REALTIME); }
FN(t_monotonic) { return seconds("monotonic", nargs, CLOCK_MONOTONIC); }
FN(t_monotonic_ns) { return nanoseconds("monotonic_ns", nargs, CLOCK_MONOTONIC); }
FN(t_perf_counter) { return seconds("perf_counter", nargs, CLOCK_MONOTONIC); }
FN(t_perf_counter_ns) { return nanoseconds("perf_counter_ns", nargs, CLOCK_MONOTONIC); }
FN(t_process_time) { return seconds("process_time", nargs, CLOCK_PROCESS_CPUTIME_ID); }
FN(t_process_time_ns) { return nanoseconds("process_time_ns", nargs, CLOCK_PROCESS_CPUTIME_ID); }

FN(t_sleep)
{
    if (rp_arg_exactly_one("sleep", nargs) < 0)
        return NULL;
    rp_obj_t *a = args[0];
    double secs;
    if (rp_float_check(a)) {
        secs = rp_float_value(a);
        if (isnan(secs))
            return rp_err_format(&rp_exc_ValueError, "Invalid value NaN (not a number)");
    } else if (rp_int_check(a)) {
        secs = rp_int_as_double(a);
        if (secs == -1.0 && rp_err_occurred())
            return NULL;
    } else {
        return rp_err_format(&rp_exc_TypeError,
                             "'%.200s' object cannot be interpreted as an integer",
                             rp_type_name(a->type));
    }
    if (secs < 0)
        return rp_err_format(&rp_exc_ValueError, "sleep length must be non-negative");
    if (secs > 9.2e9)
        return rp_err_format(&rp_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    int64_t deadline = clock_ns(CLOCK_MONOTONIC) + (int64_t)(secs * 1e9);
    for (;;) {
        int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
        if (left <= 0)
            break;
        struct timespec ts = { (time_t)(left / 1000000000), (long)(left % 1000000000) };
        if (nanosleep(&ts, NULL) == 0)
            break;
        if (errno != EINTR)
            break;
        // A signal arrived: run handlers (KeyboardInterrupt), then resume.
        if (rp_vm_handle_signals() < 0)
            return NULL;
    }
    return rp_newref(rp_None);
}

static const rp_method_def_t time_functions[] = {
    { "time", t_time, 0, "Return the current time in seconds since the Epoch." },
    { "time_ns", t_time_ns, 0, "Return the current time in nanoseconds since the Epoch." },
    { "monotonic", t_monotonic, 0, "Monotonic clock, cannot go backward." },
    { "monotonic_ns", t_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds." },
    { "perf_counter", t_perf_counter, 0, "Performance counter for benchmarking." },
    { "perf_counter_ns", t_perf_counter_ns, 0, "Performance counter for benchmarking as nanoseconds." },
    { "process_time", t_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time." },
    { "process_time_ns", t_process_time_ns, 0, "Process time for profiling as nanoseconds." },
    { "sleep", t_sleep, 0, "Delay execution for a given number of seconds." },
    { NULL }
};

rp_obj_t *rp_mod_time_create(void)
{
    rp_obj_t *m = rp_module_new("time");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, time_functions) < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
