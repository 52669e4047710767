// Out-of-line helpers of the evaluation loop: the slower halves of
// instructions (name errors, unpacking, imports, raise, with, exception
// matching, formatting).  Private to vm/.
#ifndef RP_VM_OPS_H
#define RP_VM_OPS_H

#include "vm/frame.h"

// Raises NameError "name 'x' is not defined" (.name set).
void rp_ops_name_error(rp_frame_t *f, rp_obj_t *name);
// UnboundLocalError for local slot i ("cannot access local variable 'x'
// where it is not associated with a value").
void rp_ops_unbound_local(rp_code_t *co, int i);
// The error for an empty cell in slot i: UnboundLocalError for cell
// variables, NameError ("cannot access free variable 'x' where it is not
// associated with a value in enclosing scope") for free variables.
void rp_ops_unbound_deref(rp_code_t *co, int i);

// LOAD_NAME: the frame's locals mapping, then globals, then builtins.
// New reference or NULL.
rp_obj_t *rp_ops_load_name(rp_frame_t *f, rp_obj_t *name);
// LOAD_GLOBAL's lookup without cache: globals then builtins (borrowed);
// NULL with NameError set.  *in_builtins tells where it was found.
rp_obj_t *rp_ops_load_global(rp_frame_t *f, rp_obj_t *name, bool *in_builtins);
// LOAD_CLASSDEREF for slot i.  New reference or NULL.
rp_obj_t *rp_ops_load_classderef(rp_frame_t *f, int i);
// STORE_NAME / DELETE_NAME on the frame's locals mapping.  0 / -1.
int rp_ops_store_name(rp_frame_t *f, rp_obj_t *name, rp_obj_t *v);
int rp_ops_delete_name(rp_frame_t *f, rp_obj_t *name);
// DELETE_GLOBAL.  0 / -1 (NameError).
int rp_ops_delete_global(rp_frame_t *f, rp_obj_t *name);

// UNPACK_SEQUENCE: stores the n items of seq into out[n-1] .. out[0]
// (the first item last, so it ends on top of the stack).  New
// references; 0 / -1 with CPython's messages.
int rp_ops_unpack(rp_obj_t *seq, int n, rp_obj_t **out);
// UNPACK_EX with `before` names, a starred list, `after` names: writes
// before + 1 + after items in stack order into out.  0 / -1.
int rp_ops_unpack_ex(rp_obj_t *seq, int before, int after, rp_obj_t **out);

// RAISE_VARARGS 1/2: normalises exc (instantiating classes) and cause,
// sets __cause__ / __context__ and makes it the pending exception.
// Always returns -1.
int rp_ops_do_raise(rp_obj_t *exc, rp_obj_t *cause);
// CHECK_EXC_MATCH: 1 / 0 whether exc matches the class or tuple t, -1
// with TypeError if t is not made of exception classes.
int rp_ops_exc_match(rp_obj_t *exc, rp_obj_t *t);

// FORMAT_VALUE: conversion conv (0 none, 1 str, 2 repr, 3 ascii) then
// format(v, spec) (spec may be NULL).  New reference or NULL.
rp_obj_t *rp_ops_format_value(rp_obj_t *v, int conv, rp_obj_t *spec);

// type(o).name bound to o (CPython's _PyObject_LookupSpecial).  New
// reference; NULL without exception when absent.
rp_obj_t *rp_ops_lookup_special(rp_obj_t *o, rp_obj_t *name);
// BEFORE_WITH: *exit_out = bound __exit__, returns mgr.__enter__().
// New references or NULL.
rp_obj_t *rp_ops_before_with(rp_obj_t *mgr, rp_obj_t **exit_out);

// IMPORT_NAME / IMPORT_FROM / IMPORT_STAR.
rp_obj_t *rp_ops_import_name(rp_frame_t *f, rp_obj_t *name, rp_obj_t *fromlist,
                             rp_obj_t *level);
rp_obj_t *rp_ops_import_from(rp_obj_t *mod, rp_obj_t *name);
int rp_ops_import_star(rp_frame_t *f, rp_obj_t *mod);

// PRINT_EXPR: sys.displayhook(v).  0 / -1.
int rp_ops_print_expr(rp_obj_t *v);
// SETUP_ANNOTATIONS.  0 / -1.
int rp_ops_setup_annotations(rp_frame_t *f);

// The errors of LIST_EXTEND / DICT_UPDATE / DICT_MERGE, rewriting the
// pending exception as CPython does.  func is the callee for DICT_MERGE.
void rp_ops_list_extend_error(rp_obj_t *iterable);
void rp_ops_dict_update_error(rp_obj_t *update);
void rp_ops_dict_merge_error(rp_obj_t *func, rp_obj_t *update);

// BUILD_MAP: a dict from n key/value pairs items[0..2n) (borrowed).
rp_obj_t *rp_ops_build_map(rp_obj_t **items, int n);
// BUILD_CONST_KEY_MAP: values[0..n) under the keys of the tuple keys.
rp_obj_t *rp_ops_build_const_key_map(rp_obj_t **values, rp_obj_t *keys, int n);
// Flattens f(*args, **kwargs) (args a tuple, kwargs a dict or NULL) into
// a vectorcall: positional items then keyword values, borrowed, in
// *stack_out (small when it fits in nsmall items, else malloc'd: free it
// when != small); *kwnames_out a new tuple or NULL.  0 / -1 ("keywords
// must be strings").
int rp_ops_flatten_ex_call(rp_obj_t *args, rp_obj_t *kwargs, rp_obj_t ***stack_out,
                           rp_obj_t **kwnames_out, rp_obj_t **small, size_t nsmall);

// The "Did you mean: 'x'" suggestion for a NameError or AttributeError
// about to be printed (CPython's _Py_Offer_Suggestions), or NULL.  Never
// leaves an exception set.  New reference.
rp_obj_t *rp_vm_offer_suggestions(rp_obj_t *exc);

#endif
