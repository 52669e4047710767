// Unit tests for the types layer: MRO computation, slot dispatch of
// classes, attribute lookup order with descriptors, the dealloc trashcan
// and the exception hierarchy.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/typeobj.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "vm/vm.h"
#include "memory/alloc.h"

static rp_obj_t *S(const char *s)
{
    return rp_str_intern_cstr(s);
}

// A class named name with the given bases (tuple, borrowed) and
// namespace (dict, borrowed).
static rp_obj_t *make_class(const char *name, rp_obj_t *bases, rp_obj_t *ns)
{
    rp_obj_t *n = S(name);
    rp_dict_set_cstr(ns, "__module__", n);
    rp_obj_t *cls = rp_type_new_heap(n, bases, ns);
    rp_decref(n);
    return cls;
}

static rp_obj_t *empty_class(const char *name, rp_obj_t *bases)
{
    rp_obj_t *ns = rp_dict_new();
    rp_obj_t *cls = make_class(name, bases, ns);
    rp_decref(ns);
    return cls;
}

// Message of the pending exception (cleared); caller frees.
static char *pending_message(rp_type_t **type)
{
    rp_obj_t *e = rp_err_fetch();
    ck_assert_ptr_nonnull(e);
    *type = e->type;
    rp_obj_t *s = rp_obj_str(e);
    char *msg = strdup(rp_str_utf8(s, NULL));
    rp_decref(s);
    rp_decref(e);
    return msg;
}

static void setup(void)
{
    static bool done;
    if (!done) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        done = true;
    }
}

START_TEST(mro_of_diamond_is_c3)
{
    rp_obj_t *empty = rp_tuple_empty();
    rp_obj_t *A = empty_class("A", empty);
    rp_obj_t *bA = rp_tuple_pack(1, A);
    rp_obj_t *B = empty_class("B", bA);
    rp_obj_t *C = empty_class("C", bA);
    rp_obj_t *bBC = rp_tuple_pack(2, B, C);
    rp_obj_t *D = empty_class("D", bBC);
    ck_assert_ptr_nonnull(D);
    rp_obj_t *mro = ((rp_type_t *)D)->mro;
    ck_assert_int_eq(rp_tuple_len(mro), 5);
    ck_assert_ptr_eq(rp_tuple_get_borrow(mro, 0), D);
    ck_assert_ptr_eq(rp_tuple_get_borrow(mro, 1), B);
    ck_assert_ptr_eq(rp_tuple_get_borrow(mro, 2), C);
    ck_assert_ptr_eq(rp_tuple_get_borrow(mro, 3), A);
    ck_assert_ptr_eq(rp_tuple_get_borrow(mro, 4), RP_OBJ(&rp_type_object));
    rp_obj_t *bCB = rp_tuple_pack(2, C, B);
    rp_obj_t *X = empty_class("X", bBC), *Y = empty_class("Y", bCB);
    rp_obj_t *bXY = rp_tuple_pack(2, X, Y);
    ck_assert_ptr_null(empty_class("Z", bXY));
    rp_type_t *et;
    char *msg = pending_message(&et);
    ck_assert_ptr_eq(et, &rp_exc_TypeError);
    ck_assert_str_eq(msg, "Cannot create a consistent method resolution\norder (MRO) for bases B, C");
    free(msg);
    rp_decref(bXY);
    rp_decref(X);
    rp_decref(Y);
    rp_decref(bCB);
    rp_decref(bBC);
    rp_decref(bA);
    rp_decref(D);
    rp_decref(C);
    rp_decref(B);
    rp_decref(A);
    rp_decref(empty);
}
END_TEST

static rp_obj_t *len_three(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return rp_int_from_i64(3);
}

static rp_obj_t *add_marker(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return rp_str_from_cstr("added");
}

static const rp_method_def_t len_def = {"len3", len_three, 0, NULL};
static const rp_method_def_t add_def = {"radd", add_marker, RP_METH_STATIC, NULL};

START_TEST(class_slots_dispatch_to_dunders)
{
    rp_obj_t *ns = rp_dict_new();
    rp_obj_t *f = rp_builtin_function_new(&len_def, NULL);
    rp_dict_set_cstr(ns, "__len__", f);
    rp_decref(f);
    rp_obj_t *g = rp_builtin_function_new(&add_def, NULL);
    rp_dict_set_cstr(ns, "__radd__", g);
    rp_decref(g);
    rp_obj_t *empty = rp_tuple_empty();
    rp_obj_t *C = make_class("C", empty, ns);
    ck_assert_ptr_nonnull(C);
    rp_obj_t *c = rp_obj_call0(C);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(rp_obj_len(c), 3);
    ck_assert_int_eq(rp_obj_is_true(c), 1);
    // 1 + c: int's slot returns NotImplemented, then C.__radd__.
    rp_obj_t *one = rp_int_from_i64(1);
    rp_obj_t *r = rp_number_binop(one, c, RP_BINOP_ADD);
    ck_assert_ptr_nonnull(r);
    ck_assert(rp_str_eq_cstr(r, "added"));
    rp_decref(r);
    // c - 1 has no method: TypeError with CPython's wording.
    ck_assert_ptr_null(rp_number_binop(c, one, RP_BINOP_SUB));
    rp_type_t *et;
    char *msg = pending_message(&et);
    ck_assert_str_eq(msg, "unsupported operand type(s) for -: 'C' and 'int'");
    free(msg);
    // Assigning __len__ later updates the slot.
    rp_obj_t *lenname = S("__len__");
    ck_assert_int_eq(rp_obj_setattr(C, lenname, NULL), 0);
    ck_assert_int_eq(rp_obj_len(c), -1);
    msg = pending_message(&et);
    ck_assert_str_eq(msg, "object of type 'C' has no len()");
    free(msg);
    rp_decref(lenname);
    rp_decref(one);
    rp_decref(c);
    rp_decref(C);
    rp_decref(empty);
    rp_decref(ns);
}
END_TEST

START_TEST(eq_without_hash_makes_unhashable)
{
    rp_obj_t *ns = rp_dict_new();
    rp_obj_t *f = rp_builtin_function_new(&len_def, NULL);
    rp_dict_set_cstr(ns, "__eq__", f);
    rp_decref(f);
    rp_obj_t *empty = rp_tuple_empty();
    rp_obj_t *C = make_class("C", empty, ns);
    rp_obj_t *c = rp_obj_call0(C);
    ck_assert_int_eq(rp_obj_hash(c), -1);
    rp_type_t *et;
    char *msg = pending_message(&et);
    ck_assert_str_eq(msg, "unhashable type: 'C'");
    free(msg);
    rp_decref(c);
    rp_decref(C);
    rp_decref(empty);
    rp_decref(ns);
}
END_TEST

static rp_obj_t *getter_const(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return rp_str_from_cstr("from property");
}

static const rp_method_def_t getter_def = {"getter", getter_const, 0, NULL};

START_TEST(data_descriptor_beats_instance_dict)
{
    // class C: p = property(getter); v = 'class value'
    rp_obj_t *ns = rp_dict_new();
    rp_obj_t *g = rp_builtin_function_new(&getter_def, NULL);
    rp_obj_t *prop = rp_obj_call1(RP_OBJ(&rp_type_property), g);
    ck_assert_ptr_nonnull(prop);
    rp_dict_set_cstr(ns, "p", prop);
    rp_obj_t *cv = rp_str_from_cstr("class value");
    rp_dict_set_cstr(ns, "v", cv);
    rp_obj_t *empty = rp_tuple_empty();
    rp_obj_t *C = make_class("C", empty, ns);
    rp_obj_t *c = rp_obj_call0(C);
    rp_obj_t *p = S("p"), *v = S("v"), *iv = rp_str_from_cstr("instance value");
    // Non-data (plain class attribute): the instance dict wins.
    rp_obj_t *r = rp_obj_getattr(c, v);
    ck_assert(rp_str_eq_cstr(r, "class value"));
    rp_decref(r);
    ck_assert_int_eq(rp_obj_setattr(c, v, iv), 0);
    r = rp_obj_getattr(c, v);
    ck_assert(rp_str_eq_cstr(r, "instance value"));
    rp_decref(r);
    // Data descriptor: wins over the instance dict, setting fails.
    rp_dict_set(rp_obj_dict_borrow(c), p, iv);
    r = rp_obj_getattr(c, p);
    ck_assert(rp_str_eq_cstr(r, "from property"));
    rp_decref(r);
    ck_assert_int_eq(rp_obj_setattr(c, p, iv), -1);
    rp_type_t *et;
    char *msg = pending_message(&et);
    ck_assert_ptr_eq(et, &rp_exc_AttributeError);
    ck_assert_str_eq(msg, "property 'p' of 'C' object has no setter");
    free(msg);
    // Missing attribute.
    rp_obj_t *missing = S("missing");
    ck_assert_ptr_null(rp_obj_getattr(c, missing));
    msg = pending_message(&et);
    ck_assert_str_eq(msg, "'C' object has no attribute 'missing'");
    free(msg);
    rp_decref(missing);
    rp_decref(p);
    rp_decref(v);
    rp_decref(iv);
    rp_decref(c);
    rp_decref(C);
    rp_decref(empty);
    rp_decref(cv);
    rp_decref(prop);
    rp_decref(g);
    rp_decref(ns);
}
END_TEST

// Builds and releases 300,000-deep chains of lists, tuples and instances.
static void build_and_free_deep_chains(void)
{
    rp_obj_t *chain = rp_list_new(0);
    for (int i = 0; i < 300000; i++) {
        rp_obj_t *n = rp_list_new(0);
        ck_assert_int_eq(rp_list_append_take(n, chain), 0);
        chain = n;
    }
    rp_decref(chain);
    rp_obj_t *t = rp_tuple_empty();
    for (int i = 0; i < 300000; i++) {
        rp_obj_t *n = rp_tuple_pack(1, t);
        rp_decref(t);
        t = n;
    }
    rp_decref(t);
    // Instances linked through their __dict__.
    rp_obj_t *empty = rp_tuple_empty();
    rp_obj_t *C = empty_class("Node", empty);
    rp_obj_t *next = S("next");
    rp_obj_t *node = rp_newref(rp_None);
    for (int i = 0; i < 300000; i++) {
        rp_obj_t *n = rp_obj_call0(C);
        ck_assert_int_eq(rp_obj_setattr(n, next, node), 0);
        rp_decref(node);
        node = n;
    }
    rp_decref(node);
    rp_decref(next);
    rp_decref(C);
    rp_decref(empty);
}

START_TEST(trashcan_frees_deep_chains)
{
    // The first round may leave blocks in the types' free lists; a second
    // identical round must then not grow the heap at all.
    build_and_free_deep_chains();
    size_t after_first = rp_mem_blocks();
    build_and_free_deep_chains();
    ck_assert_uint_le(rp_mem_blocks(), after_first + 16);
}
END_TEST

START_TEST(exception_hierarchy_and_messages)
{
    ck_assert(rp_type_is_subtype(&rp_exc_ZeroDivisionError, &rp_exc_ArithmeticError));
    ck_assert(rp_type_is_subtype(&rp_exc_ModuleNotFoundError, &rp_exc_ImportError));
    ck_assert(rp_type_is_subtype(&rp_exc_TabError, &rp_exc_SyntaxError));
    ck_assert(rp_type_is_subtype(&rp_exc_FileNotFoundError, &rp_exc_OSError));
    ck_assert(rp_type_is_subtype(&rp_exc_UnicodeDecodeError, &rp_exc_ValueError));
    ck_assert(!rp_type_is_subtype(&rp_exc_KeyboardInterrupt, &rp_exc_Exception));
    ck_assert(rp_type_is_subtype(&rp_exc_StopIteration, &rp_exc_Exception));

    rp_obj_t *k = rp_str_from_cstr("k");
    rp_obj_t *e = rp_obj_call1(RP_OBJ(&rp_exc_KeyError), k);
    rp_obj_t *s = rp_obj_str(e), *r = rp_obj_repr(e);
    ck_assert(rp_str_eq_cstr(s, "'k'"));
    ck_assert(rp_str_eq_cstr(r, "KeyError('k')"));
    rp_decref(s);
    rp_decref(r);
    rp_decref(e);

    // OSError(2, msg, filename) becomes a FileNotFoundError.
    rp_obj_t *args[3] = { rp_int_from_i64(2), rp_str_from_cstr("No such file or directory"), k };
    e = rp_obj_call(RP_OBJ(&rp_exc_OSError), args, 3, NULL);
    ck_assert_ptr_eq(e->type, &rp_exc_FileNotFoundError);
    s = rp_obj_str(e);
    ck_assert(rp_str_eq_cstr(s, "[Errno 2] No such file or directory: 'k'"));
    rp_decref(s);
    rp_decref(e);
    rp_decref(args[0]);
    rp_decref(args[1]);

    rp_obj_t *fn = rp_str_from_cstr("/tmp/x.py");
    e = rp_exc_new_syntax(&rp_exc_SyntaxError, "invalid syntax", fn, 3, 1, "x y", 3, 4);
    s = rp_obj_str(e);
    ck_assert(rp_str_eq_cstr(s, "invalid syntax (x.py, line 3)"));
    rp_decref(s);
    rp_decref(e);
    rp_decref(fn);

    e = rp_obj_call0(RP_OBJ(&rp_exc_ValueError));
    r = rp_obj_repr(e);
    s = rp_obj_str(e);
    ck_assert(rp_str_eq_cstr(r, "ValueError()"));
    ck_assert(rp_str_eq_cstr(s, ""));
    rp_decref(r);
    rp_decref(s);
    rp_decref(e);
    rp_decref(k);
}
END_TEST

static Suite *type_suite(void)
{
    Suite *s = suite_create("type");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, mro_of_diamond_is_c3);
    tcase_add_test(tc, class_slots_dispatch_to_dunders);
    tcase_add_test(tc, eq_without_hash_makes_unhashable);
    tcase_add_test(tc, data_descriptor_beats_instance_dict);
    tcase_add_test(tc, trashcan_frees_deep_chains);
    tcase_add_test(tc, exception_hierarchy_and_messages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(type_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
