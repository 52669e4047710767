# mode: both
# Classes are containers (their namespace, bases and MRO can form
# cycles): they are tracked; builtin types are not.
import gc

class A:
    pass

class B(A):
    pass

print(gc.is_tracked(A), gc.is_tracked(B))
print(gc.is_tracked(int), gc.is_tracked(type), gc.is_tracked(object))
