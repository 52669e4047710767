# try / except / else / finally together.
def run(x):
    try:
        print("try", x)
        if x:
            raise RuntimeError("bad")
    except RuntimeError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
run(0)
run(1)
