from odoo.tests import TransactionCase, new_test_user


class PartsCommon(TransactionCase):
    """A dealer with a parts catalogue valued in real time, a vendor, a customer and one user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.company = cls.env.company
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        Account = cls.env["account.account"]
        cls.acc_valuation = Account.create({"name": "库存商品", "code": "AS1405", "account_type": "asset_current"})
        cls.acc_input = Account.create(
            {"name": "在途物资", "code": "AS1402", "account_type": "asset_current", "reconcile": True}
        )
        # the stock interim (delivered) account, an asset as on Odoo's generic chart
        cls.acc_output = Account.create(
            {"name": "发出商品", "code": "AS1406", "account_type": "asset_current", "reconcile": True}
        )
        cls.acc_loss = Account.create({"name": "盘盈盘亏", "code": "AS6711", "account_type": "expense"})
        cls.stock_journal = cls.env["account.journal"].create(
            {"name": "库存日记账", "code": "ASSTK", "type": "general"}
        )
        cls.categ = cls.env["product.category"].create(
            {
                "name": "配件（实时计价）",
                "property_cost_method": "average",
                "property_valuation": "real_time",
                "property_stock_valuation_account_id": cls.acc_valuation.id,
                "property_stock_account_input_categ_id": cls.acc_input.id,
                "property_stock_account_output_categ_id": cls.acc_output.id,
                "property_stock_journal": cls.stock_journal.id,
            }
        )
        inventory_loss = cls.env["stock.location"].search(
            [
                ("usage", "=", "inventory"),
                ("scrap_location", "=", False),
                ("as_opening", "=", False),
                ("company_id", "in", (cls.company.id, False)),
            ],
            limit=1,
        )
        cls.inventory_loss = inventory_loss
        cls.vendor = cls.env["res.partner"].create({"name": "华晨配件供应有限公司", "supplier_rank": 1})
        cls.vendor2 = cls.env["res.partner"].create({"name": "沈阳金杯汽车零部件公司", "supplier_rank": 1})
        cls.customer = cls.env["res.partner"].create({"name": "张伟", "customer_rank": 1, "phone": "13800000001"})
        cls.clutch = cls._create_part("离合器压盘", "16", "01", "100", "A", "01", cost=200.0, price=320.0)
        cls.filter = cls._create_part("机油滤清器", "10", "12", "010", "", "", cost=20.0, price=45.0)
        cls.pad = cls._create_part("前刹车片", "35", "01", "210", "B", "", cost=80.0, price=150.0, vendor=cls.vendor2)
        cls.clerk = new_test_user(
            cls.env, login="as_parts_clerk", name="王保管", groups="aftersales_parts.group_aftersales_parts_clerk"
        )
        cls.buyer = new_test_user(
            cls.env, login="as_parts_buyer", name="李采购", groups="aftersales_parts.group_aftersales_buyer"
        )
        cls.manager = new_test_user(
            cls.env,
            login="as_parts_manager",
            name="赵经理",
            groups="aftersales_parts.group_aftersales_parts_manager,account.group_account_readonly",
        )
        cls.manager2 = new_test_user(
            cls.env, login="as_parts_manager2", name="钱主管", groups="aftersales_parts.group_aftersales_parts_manager"
        )
        cls.service_manager = new_test_user(
            cls.env, login="as_service_manager", name="孙服务经理", groups="aftersales_base.group_aftersales_manager"
        )
        cls.warranty_supervisor = new_test_user(
            cls.env, login="as_warranty_sup", name="周索赔主管", groups="base.group_user"
        )
        cls.advisor = new_test_user(
            cls.env, login="as_advisor", name="吴顾问", groups="aftersales_base.group_aftersales_advisor"
        )

        (
            cls.clerk
            | cls.buyer
            | cls.manager
            | cls.manager2
            | cls.service_manager
            | cls.warranty_supervisor
            | cls.advisor
        ).write({"lang": "en_US"})

    @classmethod
    def _create_part(cls, name, group, subgroup, number, structure, change, cost, price, vendor=None):
        product = cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "categ_id": cls.categ.id,
                "as_is_part": True,
                "as_part_group": group,
                "as_part_subgroup": subgroup,
                "as_part_no": number,
                "as_structure_code": structure,
                "as_change_code": change,
                "standard_price": cost,
                "list_price": price,
                "seller_ids": [(0, 0, {"partner_id": (vendor or cls.vendor).id, "price": cost})],
            }
        )
        return product

    @classmethod
    def _stock(cls, product, qty, location=None):
        cls.env["stock.quant"].with_context(inventory_mode=True).create(
            {"product_id": product.id, "location_id": (location or cls.stock).id, "inventory_quantity": qty}
        )._apply_inventory()

    def _journal_lines(self, moves):
        return moves.stock_valuation_layer_ids.account_move_id.line_ids.sorted(lambda line: (line.debit, line.credit))
