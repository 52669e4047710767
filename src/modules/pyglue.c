// Runs the Python layer of a built-in module in the module's namespace.
#include <string.h>

#include "compile/compile.h"
#include "modules/pyglue.h"
#include "objects/module.h"
#include "objects/str.h"
#include "vm/vm.h"

int rp_pyglue_exec(rp_obj_t *m, const char *src, const char *filename)
{
    rp_obj_t *fn = rp_str_from_utf8(filename, (rp_ssize_t)strlen(filename));
    if (!fn)
        return -1;
    rp_unit_info_t unit = {RP_UNIT_OTHER, 0};
    rp_obj_t *code = rp_compile_source(src, strlen(src), fn, RP_COMPILE_EXEC, unit, NULL);
    rp_decref(fn);
    if (!code)
        return -1;
    rp_obj_t *d = rp_module_dict_borrow(m);
    rp_obj_t *r = rp_eval_code(code, d, d);
    rp_decref(code);
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}
