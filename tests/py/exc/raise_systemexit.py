# raise SystemExit(n) behaves like sys.exit(n).
def main():
    print("main running")
    raise SystemExit(7)
try:
    main()
except Exception:
    print("SystemExit is not an Exception")
