# Annotations with list[int] / int | None: types.GenericAlias and
# types.UnionType reprs, equality, isinstance with unions, __annotations__.
def f(a: list[int], b: "x" = 1) -> dict[str, int]:
    return a
print(f([1]), f.__annotations__)
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]), tuple[()], dict[str, 'x'], list[None], list[1], list[int,])
print(type[int], repr(list[int].__args__), list[int].__origin__, list[int]([1,2]), list[int] == list[int], hash(list[int])==hash(list[int]), list[int].__parameters__)
print(int | None, str | int | None, type(int | str), (int | None) == (None | int), (int|str).__args__, int | int, list[int] | None, None | list[int], str | (int | None))
print(isinstance(3, int | str), isinstance("a", int | float), issubclass(bool, int | str), isinstance(None, int | None))
def g(x: int | None = None, y: set[str] | None = None) -> tuple[int, str] | None:
    return x
print(g(4), g.__annotations__)
class Node:
    def __init__(self, children: "list[Node] | None" = None):
        self.children: list[Node] = children or []
print(len(Node().children), frozenset[int], set[float], enumerate[str], list[int].__name__, list[int].append)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
print(hash(int | str) == hash(str | int), {int | str: 1}[str | int], list[int] != list[str])
class C: pass
print(list[C], C | None, dict[str, C | None])
print(dir(list)[:5], len(dir(list)), len(dir(dict)), len(dir(tuple)), len(dir(set)), len(dir(enumerate)))
