// The interpreter: start-up and shut-down, running code objects, and the
// state other layers may query (current globals, builtins, modules).
#ifndef RP_VM_H
#define RP_VM_H

#include "memory/gc.h"
#include "objects/object.h"

typedef struct rp_interp {
    rp_obj_t *builtins;         // the builtins module's dict
    rp_obj_t *builtins_module;
    rp_obj_t *modules;          // sys.modules (dict)
    rp_obj_t *sys_module;
    rp_obj_t *main_module;      // __main__
    rp_obj_t *argv;             // list of str
    int repl_inputs;            // REPL inputs compiled so far
    bool interactive;           // a REPL is running (displayhook, `_`)
    bool show_refcount;         // -X showrefcount
    bool quiet;                 // -q: no REPL banner
    bool ran_program;           // a file or -c ran before the REPL (-i)
    volatile int pending_signal;  // set by the SIGINT handler
} rp_interp_t;

extern rp_interp_t rp_interp;

// Initialises every layer (allocator, types, builtins, sys, __main__).
// argv becomes sys.argv.  0 / -1 (message already printed).
int rp_vm_init(int argc, char **argv);
// Releases the interpreter's state at exit (modules cleared like CPython).
void rp_vm_fini(void);
// Sets the gc counts and the tuple, list and dict free lists to what
// CPython 3.11 has left at the first instruction of __main__: its
// start-up residue plus what its compiler leaves for this code (the
// compiled __main__ code object, borrowed; see vm/startup.c).  Called
// once, just before a script (from_file), a -c command or piped stdin
// starts.  Never fails (if memory runs out, the state is left as it is).
void rp_vm_mirror_startup_residue(rp_obj_t *code, bool from_file);
// The state CPython's gc counts depend on: the generation counts and the
// lengths of the tuple (by size 1..20), list, dict and dict-keys free
// lists.  save reads refpy's; apply sets them (free lists grown with
// untracked blocks or shrunk).
typedef struct {
    int counts[RP_GC_NUM_GENERATIONS];
    int tuples[21], lists, dicts, keys;
} rp_vm_gc_state_t;
void rp_vm_gc_state_save(rp_vm_gc_state_t *st);
void rp_vm_gc_state_apply(const rp_vm_gc_state_t *st);
// The same model for one REPL input: from the state before it was
// compiled, what CPython's parser and compiler leave (the parser's arena
// list stays held until the input has run: rp_vm_release_arena_list).
void rp_vm_mirror_compile_residue(rp_obj_t *code, const rp_vm_gc_state_t *before);
void rp_vm_release_arena_list(void);
// The state before the first input of a session that ran no program.
void rp_vm_mirror_repl_start(void);

// Sets __main__.__loader__ as CPython does (vm/mainloader.c): for a
// script, a SourceFileLoader of path (borrowed); with path NULL, the
// BuiltinImporter class.  0, or -1 with an exception.
int rp_vm_set_main_loader(rp_obj_t *path);
extern rp_type_t rp_type_builtin_importer, rp_type_source_file_loader;

// Runs a module-level or class-body code object with the given globals
// and locals dicts (locals may equal globals).  New reference to the
// result, or NULL with an exception set.
rp_obj_t *rp_eval_code(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *locals);

// The innermost running frame's globals / builtins dict (borrowed), or
// NULL when no Python code is running.
rp_obj_t *rp_vm_globals_borrow(void);
// locals() of the innermost frame: a new dict snapshot for functions, the
// locals dict itself for module and class bodies.  New reference.
rp_obj_t *rp_vm_locals(void);
// For zero-argument super(): the innermost frame's first argument and
// its __class__ cell contents (borrowed).  -1 with RuntimeError set
// ("super(): no arguments", "super(): __class__ cell not found").
int rp_vm_super_args(rp_obj_t **type_out, rp_obj_t **self_out);

// builtins.__build_class__(func, name, *bases, metaclass=..., **kw).
rp_obj_t *rp_vm_build_class(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames);

// Runs pending signal handlers (KeyboardInterrupt); -1 with the
// exception set if one was raised.
int rp_vm_handle_signals(void);

// Imports a module by name (builtin modules only): sys.modules cache,
// then the registry in modules/registry.h.  ModuleNotFoundError "No
// module named 'x'".  New reference.
rp_obj_t *rp_import_module(rp_obj_t *name);

#endif
