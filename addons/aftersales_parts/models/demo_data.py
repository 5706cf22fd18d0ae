"""Demo catalogue for a Jinbei (华晨金杯) dealer: generated so that it stays realistic and large enough."""

import random

from odoo import Command, api, models

VEHICLES = [("HS", "海狮"), ("GRS", "阁瑞斯"), ("DHS", "大海狮"), ("X30", "小海狮X30"), ("S50", "金杯S50")]
# vehicles in service in the demo region (广东省), in the order of VEHICLES
POPULATION = [12400, 8600, 4300, 6900, 3100]

# (group, sub-group, name, cost, key class, technology points, vendor index)
COMPONENTS = [
    ("10", "01", "发动机总成", 18000, "1", 48, 0),
    ("10", "02", "气缸盖垫片", 85, "none", 20, 0),
    ("10", "03", "正时皮带", 160, "3", 28, 1),
    ("10", "04", "张紧轮", 210, "3", 26, 1),
    ("10", "12", "机油滤清器", 22, "none", 10, 1),
    ("10", "13", "空气滤清器滤芯", 38, "none", 10, 1),
    ("10", "14", "汽油滤清器", 45, "none", 12, 1),
    ("10", "20", "火花塞", 35, "3", 22, 2),
    ("10", "21", "点火线圈", 260, "2", 33, 2),
    ("10", "30", "水泵", 320, "2", 27, 0),
    ("10", "31", "节温器", 95, "3", 24, 0),
    ("10", "32", "散热器", 680, "3", 25, 0),
    ("11", "01", "电喷控制单元", 2600, "1", 50, 2),
    ("11", "02", "喷油器", 420, "1", 42, 2),
    ("11", "03", "氧传感器", 380, "2", 38, 2),
    ("11", "04", "节气门体", 890, "2", 36, 2),
    ("16", "01", "离合器压盘", 420, "2", 30, 0),
    ("16", "02", "离合器从动盘", 260, "2", 28, 0),
    ("16", "03", "离合器分离轴承", 120, "3", 24, 0),
    ("16", "04", "离合器总泵", 230, "3", 26, 0),
    ("16", "05", "离合器分泵", 150, "3", 24, 0),
    ("17", "01", "变速器总成", 9600, "2", 45, 0),
    ("17", "02", "同步器齿环", 140, "3", 30, 0),
    ("22", "01", "传动轴", 1300, "3", 28, 0),
    ("24", "01", "后桥半轴", 560, "3", 26, 0),
    ("29", "01", "前减震器", 380, "3", 25, 1),
    ("29", "02", "后减震器", 320, "3", 25, 1),
    ("29", "03", "前螺旋弹簧", 210, "none", 18, 1),
    ("30", "01", "转向机总成", 2300, "1", 40, 1),
    ("30", "02", "转向横拉杆球头", 130, "2", 24, 1),
    ("35", "01", "前刹车片", 160, "2", 30, 1),
    ("35", "02", "后刹车蹄", 140, "2", 28, 1),
    ("35", "03", "刹车盘", 260, "2", 26, 1),
    ("35", "04", "制动总泵", 380, "2", 32, 1),
    ("35", "05", "ABS泵总成", 3200, "1", 49, 2),
    ("35", "06", "ABS轮速传感器", 290, "1", 37, 2),
    ("37", "01", "发电机", 1150, "3", 34, 2),
    ("37", "02", "起动机", 980, "3", 33, 2),
    ("37", "03", "蓄电池", 520, "none", 20, 2),
    ("37", "10", "前大灯总成", 680, "none", 22, 2),
    ("37", "11", "尾灯总成", 260, "none", 18, 2),
    ("37", "12", "雨刮电机", 240, "none", 20, 2),
    ("38", "01", "安全气囊模块", 2100, "1", 47, 2),
    ("38", "02", "安全带预紧器", 640, "1", 41, 2),
    ("50", "01", "前保险杠", 520, "none", 12, 0),
    ("50", "02", "后视镜总成", 310, "none", 15, 0),
    ("50", "03", "前挡风玻璃", 900, "none", 14, 0),
    ("50", "04", "车门密封条", 85, "none", 8, 0),
    ("81", "01", "空调压缩机", 2200, "3", 38, 1),
    ("81", "02", "空调滤清器", 30, "none", 8, 1),
]

ACCESSORIES = [
    ("全包围脚垫", 180, 398, 320),
    ("行车记录仪", 260, 599, 480),
    ("倒车雷达", 220, 480, 400),
    ("座椅套", 300, 680, 560),
    ("挡泥板", 40, 120, 90),
    ("车载冰箱", 420, 880, 760),
    ("晴雨挡", 60, 160, 130),
    ("防盗报警器", 280, 620, 520),
]

CUSTOMERS = ["张伟", "王芳", "李强", "刘洋", "陈静", "沈阳顺达物流有限公司", "大连海通客运公司"]
VENDORS = ["华晨金杯汽车零部件配送中心", "沈阳兴远东汽车零部件有限公司", "博世汽车部件（苏州）有限公司"]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    @api.model
    def _as_load_demo(self):
        """Demo only: a catalogue of Jinbei parts, stock, reorder rules, demands, a stocktake and write-offs."""
        rng = random.Random(4)
        company = self.env.company
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        stock = warehouse.lot_stock_id
        valuation = (
            "real_time"
            if self.env.ref("product.product_category_all").property_stock_valuation_account_id
            else "manual_periodic"
        )
        categ = self.env["product.category"].create(
            {"name": "汽车配件", "property_cost_method": "average", "property_valuation": valuation}
        )
        acc_categ = self.env["product.category"].create(
            {"name": "精品", "parent_id": categ.id, "property_cost_method": "average", "property_valuation": valuation}
        )
        brand = self.env["fleet.vehicle.model.brand"].create({"name": "金杯"})
        models_ = self.env["fleet.vehicle.model"].create(
            [{"name": name, "brand_id": brand.id, "vehicle_type": "car"} for __, name in VEHICLES]
        )
        vendors = self.env["res.partner"].create(
            [{"name": name, "supplier_rank": 1, "is_company": True} for name in VENDORS]
        )
        customers = self.env["res.partner"].create(
            [{"name": name, "customer_rank": 1, "phone": f"1390240{i:04d}"} for i, name in enumerate(CUSTOMERS)]
        )
        racks = self.env["stock.location"].create(
            [
                {
                    "name": f"{rack}-{level}-{pos:02d}",
                    "location_id": stock.id,
                    "as_rack": rack,
                    "as_level": str(level),
                    "as_position": f"{pos:02d}",
                }
                for rack in "ABCDEF"
                for level in range(1, 5)
                for pos in range(1, 13)
            ]
        )
        vals_list = []
        for m_index, (code, model_name) in enumerate(VEHICLES):
            for c_index, (group, sub, name, cost, key, points, vendor) in enumerate(COMPONENTS):
                cost = round(cost * (0.85 + 0.1 * m_index), 2)
                vals_list.append(
                    {
                        "name": f"{name}（{model_name}）",
                        "default_code": f"{code}-{group}{sub}-{100 + c_index:03d}",
                        "as_is_part": True,
                        "is_storable": True,
                        "categ_id": categ.id,
                        "as_part_group": group,
                        "as_part_subgroup": sub,
                        "as_part_no": f"{100 + c_index:03d}",
                        "as_structure_code": code,
                        "as_change_code": "01",
                        "as_key_class": key,
                        "as_tech_points": points,
                        "standard_price": cost,
                        "list_price": round(cost * 1.45, 0),
                        "as_vehicle_model_ids": [Command.set(models_[m_index].ids)],
                        # wear parts are kept in larger numbers per 1,000 vehicles than assemblies
                        "as_reserve_per_thousand": 0.5 if cost < 100 else 0.3 if cost < 500 else 0.05,
                        "as_bin_location_id": racks[(m_index * len(COMPONENTS) + c_index) % len(racks)].id,
                        "seller_ids": [Command.create({"partner_id": vendors[vendor].id, "price": cost})],
                    }
                )
        for a_index, (name, cost, price, minimum) in enumerate(ACCESSORIES):
            vals_list.append(
                {
                    "name": name,
                    "default_code": f"JP-90{a_index:02d}",
                    "as_is_part": True,
                    "as_is_accessory": True,
                    "is_storable": True,
                    "categ_id": acc_categ.id,
                    "as_part_group": "90",
                    "as_part_subgroup": f"{a_index:02d}",
                    "as_part_no": "001",
                    "standard_price": cost,
                    "list_price": price,
                    "as_min_sale_price": minimum,
                    "as_vehicle_model_ids": [Command.set(models_.ids)],
                    "seller_ids": [Command.create({"partner_id": vendors[0].id, "price": cost})],
                }
            )
        templates = self.create(vals_list)
        region = self.env["aftersales.parts.region"].create(
            {
                "name": "广东省",
                "state_ids": [Command.set(self.env.ref("base.state_cn_GD").ids)],
                "population_ids": [
                    Command.create({"vehicle_model_id": model.id, "vehicle_count": count})
                    for model, count in zip(models_, POPULATION, strict=True)
                ],
            }
        )
        company.as_parts_region_id = region
        # supersession: the first-generation clutch plate and pads of the 海狮 were replaced
        for old_name, change in (("离合器压盘（海狮）", "02"), ("前刹车片（海狮）", "02")):
            old = templates.filtered(lambda t, n=old_name: t.name == n)
            new = old.copy({"name": old.name.replace("）", "，改进型）"), "as_change_code": change})
            old.write({"as_replaced_by_id": new.id})
        products = templates.product_variant_ids
        # stock: most parts on the shelf, a few missing (shortages)
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant.browse()
        for product in products:
            qty = rng.choice([0, 2, 4, 6, 10, 20, 30]) if product.standard_price < 5000 else rng.choice([0, 1, 2])
            if qty:
                location = product.as_bin_location_id or stock
                quants |= Quant.create(
                    {"product_id": product.id, "location_id": location.id, "inventory_quantity": qty}
                )
        quants.with_context(inventory_name="期初库存")._apply_inventory()
        # reorder rules: min / max for the fast movers
        fast = products.filtered(lambda p: p.standard_price < 500)[:60]
        self.env["stock.warehouse.orderpoint"].create(
            [
                {
                    "product_id": product.id,
                    "warehouse_id": warehouse.id,
                    "location_id": stock.id,
                    "product_min_qty": 4,
                    "product_max_qty": 20,
                    "trigger": "manual",
                }
                for product in fast
            ]
        )
        self._as_load_demo_documents(company, warehouse, products, customers)

    @api.model
    def _as_load_demo_documents(self, company, warehouse, products, customers):
        Demand = self.env["aftersales.parts.demand"]
        in_stock = products.filtered(lambda p: p.qty_available >= 2 and not p.as_is_accessory)
        missing = products.filtered(lambda p: p.qty_available == 0 and not p.as_is_accessory)

        def demand(partner, lines, **vals):
            return Demand.create(
                dict(
                    vals,
                    partner_id=partner.id,
                    line_ids=[Command.create({"product_id": p.id, "product_uom_qty": q}) for p, q in lines],
                )
            )

        demand(customers[0], [(in_stock[0], 1), (in_stock[1], 2)])
        demand(customers[1], [(in_stock[2], 1)]).action_confirm()
        waiting = demand(customers[5], [(missing[0], 2), (missing[1], 1), (in_stock[3], 1)], payment_mode="credit")
        waiting.action_confirm()
        waiting.action_convert_to_order()
        issued = demand(customers[2], [(in_stock[4], 1), (in_stock[5], 1)])
        issued.action_confirm()
        issued.action_generate_issue()
        repair = self.env["repair.order"].create({"partner_id": customers[3].id})
        rep = demand(customers[3], [(in_stock[6], 1)], category="repair", repair_id=repair.id)
        rep.action_confirm()
        rep.action_generate_issue()
        self.env["stock.move"].create(
            {"repair_id": repair.id, "repair_line_type": "remove", "product_id": in_stock[6].id, "product_uom_qty": 1}
        )
        repair.action_validate()
        repair.action_repair_start()
        repair.move_ids.quantity = 1
        repair.action_repair_end()
        cancelled = demand(customers[4], [(in_stock[7], 1)])
        cancelled.action_confirm()
        cancelled.action_cancel()
        # stocktakes: an approved monthly count of one rack and a count in progress
        Stocktake = self.env["aftersales.stocktake"]
        first_bin = in_stock[8].as_bin_location_id or warehouse.lot_stock_id
        approved = Stocktake.create({"location_id": first_bin.id, "counter_ids": [Command.set(self.env.user.ids)]})
        approved.action_start()
        if approved.line_ids:
            line = approved.line_ids[0]
            line.counted_qty = line.theoretical_qty - 1
            approved.action_submit()
            line.write({"reason": "领料未及时登记", "responsible_id": self.env.user.id})
            approved.action_approve()
        Stocktake.create({"kind": "monthly", "location_id": warehouse.lot_stock_id.id}).action_start()
        # write-offs: one draft, one waiting for joint confirmation, one approved and disposed of
        admin = self.env.ref("base.user_admin")
        Writeoff = self.env["aftersales.parts.writeoff"]
        demo_user = self.env.ref("base.user_demo", raise_if_not_found=False) or self.env.user

        def writeoff(product, reason, qty=1):
            # filed (as the superuser loading the demo) in the demo user's name, then moved on by the admin
            return Writeoff.create(
                {
                    "requested_by_id": demo_user.id,
                    "warranty_supervisor_id": admin.id,
                    "line_ids": [Command.create({"product_id": product.id, "quantity": qty, "reason": reason})],
                }
            ).with_user(admin)

        writeoff(in_stock[9], "obsolete")
        writeoff(in_stock[10], "defective").action_submit()
        done = writeoff(in_stock[11], "damaged")
        done.action_submit()
        done.action_confirm_service()
        done.action_confirm_warranty()
        done.action_confirm_parts()
        done.request_validation()
        done.validate_tier()
        done.action_approve()
        done.action_dispose()
        # an accessory form submitted to finance, a dealer's unpacking report waiting for QA
        accessories = products.filtered("as_is_accessory")
        form = self.env["aftersales.accessory.form"].create(
            {
                "partner_id": customers[0].id,
                "line_ids": [
                    Command.create({"product_id": accessories[0].id, "kind": "sale"}),
                    Command.create({"product_id": accessories[1].id, "kind": "gift"}),
                ],
            }
        )
        form.action_submit()
        # ABC classes from the consumption above; an RFQ of an A-class part with one alternative quote so far
        self._cron_compute_abc_class()
        a_part = products.filtered(lambda p: p.as_abc_class == "a")[:1]
        vendors = self.env["res.partner"].search([("name", "in", VENDORS)])
        if a_part and len(vendors) > 1:
            rfq = self.env["purchase.order"].create(
                {
                    "partner_id": a_part.seller_ids[:1].partner_id.id,
                    "origin": "月度采购计划",
                    "order_line": [Command.create({"product_id": a_part.id, "product_qty": 2})],
                }
            )
            other = (vendors - rfq.partner_id)[:1]
            wizard = self.env["purchase.requisition.create.alternative"].create(
                {"origin_po_id": rfq.id, "partner_id": other.id, "copy_products": True}
            )
            wizard.action_create_alternative()
        self._as_load_demo_receipts(products)
        dealer = self.env["res.partner"].create({"name": "锦州华晨特约服务中心", "is_company": True})
        self.env["aftersales.parts.quality.feedback"].create(
            {
                "partner_id": dealer.id,
                "kind": "damage",
                "description": "开箱发现前大灯总成灯罩破裂一只，包装外箱有挤压痕迹。",
                "line_ids": [Command.create({"product_id": in_stock[12].id, "quantity": 1})],
            }
        )

    @api.model
    def _as_load_demo_receipts(self, products):
        """Demo only: two supplier orders of B/C-class parts received, with damaged parts found at receipt.

        They feed the intactness report (完好率) with a realistic rate, about 97.5 %: 3 damaged of 120 received.
        """
        admin = self.env.ref("base.user_admin")
        parts = products.filtered(
            lambda p: p.as_abc_class != "a" and not p.as_is_accessory and p.seller_ids and p.standard_price < 1000
        )
        by_vendor = {}
        for part in parts:
            by_vendor.setdefault(part.seller_ids[0].partner_id, part.browse())
            by_vendor[part.seller_ids[0].partner_id] |= part
        batches = sorted(by_vendor.items(), key=lambda item: -len(item[1]))[:2]
        carrier = self.env["res.partner"].create({"name": "德邦物流股份有限公司", "is_company": True})
        for (vendor, vendor_parts), (damaged, against) in zip(batches, ((2, "supplier"), (1, "carrier")), strict=False):
            lines = vendor_parts[:4]
            order = (
                self.env["purchase.order"]
                .with_user(admin)
                .create(
                    {
                        "partner_id": vendor.id,
                        "origin": "月度采购计划",
                        "order_line": [Command.create({"product_id": p.id, "product_qty": 15}) for p in lines],
                    }
                )
            )
            order.button_confirm()  # the parts supervisor confirms and so approves the plan
            receipt = order.picking_ids
            for move in receipt.move_ids:
                move.quantity = move.product_uom_qty
            receipt.move_ids.picked = True
            receipt.with_user(admin).button_validate()
            variance = (
                self.env["aftersales.receipt.variance"]
                .with_user(admin)
                .create(
                    {
                        "picking_id": receipt.id,
                        "claim_against": against,
                        "claim_partner_id": carrier.id if against == "carrier" else vendor.id,
                        "note": "开箱检验：外包装破损，配件磕碰变形。",
                        "line_ids": [
                            Command.create({"product_id": lines[0].id, "variance_type": "damaged", "quantity": damaged})
                        ],
                    }
                )
            )
            if against == "supplier":
                variance.action_claim()
