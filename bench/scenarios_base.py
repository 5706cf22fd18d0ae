"""aftersales_base scenarios."""

from bench.harness import scenario


def requires(*modules):
    def deco(func):
        func.requires = set(modules)
        return func

    return deco


@scenario("create 100 customers (with archive fields)", baseline="create 100 bare partners", scales=(100,), goal=1.5)
@requires("aftersales_base")
def customer_create(env, scale):
    Partner = env["res.partner"]

    def measured():
        Partner.create([{"name": f"客户{i}", "phone": f"1380000{i:04d}", "customer_rank": 1} for i in range(scale)])

    def baseline():
        Partner.with_context(tracking_disable=True).create([{"name": f"P{i}"} for i in range(scale)])

    return measured, baseline
