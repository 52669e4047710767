# Uncaught exception with an explicit cause.
class ConfigError(Exception):
    pass
def read(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise ConfigError("missing key " + key) from e
print(read("a"))
read("b")
