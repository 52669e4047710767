// Built-in modules whose high-level layer is Python source compiled into
// the interpreter (tracemalloc's Snapshot classes, objgraph's graphs).
#ifndef RP_PYGLUE_H
#define RP_PYGLUE_H

#include "objects/object.h"

// Compiles src (filename for tracebacks) and runs it in module m's dict.
// 0, or -1 with an exception set.
int rp_pyglue_exec(rp_obj_t *m, const char *src, const char *filename);

// The Python layers (modules/tracemalloc_py.c, modules/objgraph_py.c).
extern const char rp_tracemalloc_py_source[];
extern const char rp_objgraph_py_source[];

// Whether tracemalloc is tracing (modules/tracemalloc.c).
bool rp_tracemalloc_is_tracing(void);

#endif
