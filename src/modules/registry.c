// The table of built-in modules that `import` can find.
#include <stddef.h>

#include "modules/registry.h"

const rp_module_entry_t rp_builtin_modules[] = {
    {"builtins", rp_mod_builtins_create},
    {"sys", rp_mod_sys_create},
    {"math", rp_mod_math_create},
    {"time", rp_mod_time_create},
    {"os", rp_mod_os_create},
    {"os.path", rp_mod_os_path_create},
    {"gc", rp_mod_gc_create},
    {"memlab", rp_mod_memlab_create},
    {"_tracemalloc", rp_mod__tracemalloc_create},
    {"tracemalloc", rp_mod_tracemalloc_create},
    {"objgraph", rp_mod_objgraph_create},
    {"_ctypes", rp_mod__ctypes_create},
    {NULL, NULL},
};
