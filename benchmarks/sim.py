# sim: a class-heavy simulation: an entity hierarchy with inheritance,
# super() calls, properties with setters, class attributes updated through
# the class, classmethods and staticmethods, __repr__/__lt__, isinstance
# checks, a dict-based spatial grid and an event log formatted with
# f-strings (width, precision, alignment).  Scale multiplies the tick
# count.
import sys

class Entity:
    created = 0
    next_id = 1

    def __init__(self, x, y):
        self.id = Entity.next_id
        Entity.next_id += 1
        Entity.created += 1
        self._x = x
        self._y = y
        self.energy = 100.0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        self._x = value % 64

    @property
    def y(self):
        return self._y

    @y.setter
    def y(self, value):
        self._y = value % 64

    @property
    def cell(self):
        return (self._x // 8, self._y // 8)

    @staticmethod
    def distance2(a, b):
        dx = a.x - b.x
        dy = a.y - b.y
        return dx * dx + dy * dy

    @classmethod
    def kind(cls):
        return cls.__name__.lower()

    def step(self, tick):
        self.energy -= 0.5

    def alive(self):
        return self.energy > 0

    def __lt__(self, other):
        return self.energy < other.energy

    def __repr__(self):
        return f"{self.kind()}#{self.id}@({self.x},{self.y})"

class Plant(Entity):
    def __init__(self, x, y):
        super().__init__(x, y)
        self.size = 1

    def step(self, tick):
        self.size += 1
        self.energy += 0.25 * self.size
        if self.energy > 150:
            self.energy = 150.0

class Animal(Entity):
    speed = 1

    def __init__(self, x, y, heading):
        super().__init__(x, y)
        self.heading = heading
        self.eaten = 0

    def step(self, tick):
        super().step(tick)
        dx, dy = ((1, 0), (0, 1), (-1, 0), (0, -1))[self.heading]
        self.x += dx * self.speed
        self.y += dy * self.speed
        if (tick + self.id) % 7 == 0:
            self.heading = (self.heading + 1) % 4

    def eat(self, plant):
        gain = min(plant.energy, 30.0)
        plant.energy -= gain
        self.energy += gain
        self.eaten += 1
        return gain

class Rabbit(Animal):
    speed = 2

class Fox(Animal):
    speed = 3

    def step(self, tick):
        super().step(tick)
        self.energy -= 0.25

def build_world(n):
    world = []
    for i in range(n):
        x, y = (i * 37) % 64, (i * 91) % 64
        if i % 3 == 0:
            world.append(Plant(x, y))
        elif i % 3 == 1:
            world.append(Rabbit(x, y, i % 4))
        else:
            world.append(Fox(x, y, (i + 1) % 4))
    return world

def tick_world(world, tick, log):
    grid = {}
    for e in world:
        e.step(tick)
        grid.setdefault(e.cell, []).append(e)
    eaten = 0.0
    for cell, members in grid.items():
        plants = [e for e in members if isinstance(e, Plant) and e.alive()]
        if not plants:
            continue
        for e in members:
            if isinstance(e, Animal) and not isinstance(e, Fox):
                target = min(plants, key=lambda p: Entity.distance2(p, e))
                eaten += e.eat(target)
    if tick % 25 == 0:
        strongest = max(world)
        log.append(f"t={tick:>4} alive={sum(1 for e in world if e.alive()):>3} "
                   f"eaten={eaten:8.2f} top={strongest!r:<22}|")
    return eaten

def main(scale):
    ticks = max(1, int(1200 * scale))
    world = build_world(150)
    log = []
    total = 0.0
    for t in range(ticks):
        total += tick_world(world, t, log)
        if t % 50 == 49:
            world = [e for e in world if e.alive()] + build_world(10)
    for line in log[:4]:
        print(line)
    kinds = {}
    for e in world:
        kinds[e.kind()] = kinds.get(e.kind(), 0) + 1
    print(sorted(kinds.items()))
    print(f"sim {ticks} {Entity.created} {len(log)} {total:.3f}")

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
