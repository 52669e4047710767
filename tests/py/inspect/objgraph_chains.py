# find_ref_chain / find_backref_chain and get_new_ids.
import objgraph


class Holder:
    def __init__(self, value):
        self.value = value


target = ['the target']
holder = Holder({'slot': target})
registry = {'main': holder}


def names(chain):
    return [type(o).__name__ for o in chain]


chain = objgraph.find_backref_chain(target, lambda o: o is registry)
print(names(chain), chain[0] is registry, chain[-1] is target)
chain = objgraph.find_ref_chain(registry, lambda o: o is target)
print(names(chain), chain[0] is registry, chain[-1] is target)
print(objgraph.find_ref_chain(registry, lambda o: False, max_depth=2) == [registry])
print(names(objgraph.find_backref_chain(target, lambda o: o is registry, max_depth=1)))

ids = objgraph.get_new_ids(limit=0)
made = [Holder(i) for i in range(5)]
ids = objgraph.get_new_ids(limit=0)
print(len(ids['Holder']), all(any(id(h) == i for h in made) for i in ids['Holder']))
print(objgraph.get_new_ids(skip_update=True) is ids)
