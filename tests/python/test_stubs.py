"""The type stubs (_core.pyi) describe exactly what the module has, and ship with py.typed."""

import ast
import inspect
import pathlib

import crosscheck


def stub_tree():
    path = pathlib.Path(crosscheck.__file__).parent / "_core.pyi"
    return ast.parse(path.read_text(encoding="utf-8"))


def public(names):
    return {n for n in names if not n.startswith("_")}


def test_package_is_typed():
    assert (pathlib.Path(crosscheck.__file__).parent / "py.typed").exists()


def test_stub_classes_and_members_match_the_module():
    tree = stub_tree()
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    runtime_classes = {name for name, obj in vars(crosscheck._core).items()
                       if inspect.isclass(obj)}
    assert public(classes) == public(runtime_classes)

    def members(name):
        node = classes[name]
        own = {item.name for item in node.body if isinstance(item, ast.FunctionDef)}
        for base in node.bases:  # stub-only helper bases such as _Located
            if isinstance(base, ast.Name) and base.id in classes:
                own |= members(base.id)
        return own

    for name in public(classes):
        runtime = getattr(crosscheck._core, name)
        stubbed = public(members(name))
        actual = {n for n in public(dir(runtime)) if not n.startswith("__")}
        assert stubbed == actual, name


def test_stub_functions_match_the_module():
    tree = stub_tree()
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    runtime = {name for name, obj in vars(crosscheck._core).items()
               if callable(obj) and not inspect.isclass(obj)}
    assert public(functions) == public(runtime)


def test_every_public_name_is_documented():
    for name in crosscheck.__all__:
        obj = getattr(crosscheck, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), name
