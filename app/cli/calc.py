"""``hearth calc``: the break-even calculator — would local hardware pay for itself?"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from app.core import paths
from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.numbers import NumberInputError, parse_integer, parse_number
from app.core.settings import Settings
from app.ledger.calculator import CalculatorError, CalculatorInputs, calculate
from app.ledger.money import as_json_number, format_money
from app.ledger.settings import CURRENCIES, baseline_entries, load_config
from app.pricing.custom import CustomEntry


def _decimal(text: str) -> Decimal:
    """A number typed in the person's locale ("25,000", "25 000", "２５，０００"); an
    ambiguous one ("1.500") is refused with both readings, never silently shrunk."""
    try:
        return parse_number(text)
    except NumberInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _integer(text: str) -> int:
    try:
        return parse_integer(text)
    except NumberInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("Ledger", "Write the moment as YYYY-MM-DDTHH:MM (UTC).")
        ) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calc",
        help=translate("Ledger", "break-even calculator for local hardware"),
        description=translate(
            "Ledger",
            "Monthly cloud cost against electricity, and the months until the hardware has "
            "paid for itself. Prices are in the chosen currency (per million tokens or per "
            "request); --fx is units of that currency per US dollar. Unset options come from "
            "your savings settings.",
        ),
    )
    parser.add_argument("--requests-per-day", type=_decimal, required=True)
    parser.add_argument("--input-tokens", type=_integer, required=True)
    parser.add_argument("--output-tokens", type=_integer, required=True)
    price = parser.add_mutually_exclusive_group()
    price.add_argument("--baseline-model", metavar="PROVIDER:MODEL")
    price.add_argument("--input-price", type=_decimal)
    price.add_argument("--request-price", type=_decimal)
    parser.add_argument("--output-price", type=_decimal)
    parser.add_argument("--hardware-cost", type=_decimal)
    parser.add_argument("--power-watts", type=_decimal)
    parser.add_argument("--hours-per-day", type=_decimal, default=Decimal(4))
    parser.add_argument("--electricity-price", type=_decimal)
    parser.add_argument("--currency", choices=CURRENCIES)
    parser.add_argument("--fx", type=_decimal)
    parser.add_argument("--days-per-month", type=_integer)
    parser.add_argument(
        "--at",
        type=_moment,
        metavar="YYYY-MM-DDTHH:MM",
        help=translate("Ledger", "price as of this moment, UTC (default: now)"),
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


def inputs_from(args: argparse.Namespace) -> CalculatorInputs:
    settings = Settings(paths.settings_path())
    config = load_config(settings)
    custom = args.input_price is not None or args.output_price is not None
    if args.output_price is not None and (args.baseline_model or args.request_price is not None):
        raise KnownError(
            translate("Ledger", "--output-price goes with --input-price, not with the others.")
        )
    return CalculatorInputs(
        requests_per_day=args.requests_per_day,
        input_tokens=args.input_tokens,
        output_tokens=args.output_tokens,
        baseline_model=None if custom else (args.baseline_model or config.baseline_model),
        input_price=args.input_price if custom else None,
        output_price=args.output_price if custom else None,
        request_price=args.request_price,
        hardware_cost=config.hardware_cost if args.hardware_cost is None else args.hardware_cost,
        power_watts=config.configured_watts if args.power_watts is None else args.power_watts,
        hours_per_day=args.hours_per_day,
        electricity_price=(
            config.electricity_per_kwh if args.electricity_price is None else args.electricity_price
        ),
        currency=args.currency or config.currency,
        fx=config.fx_rate if args.fx is None else args.fx,
        days_per_month=args.days_per_month or config.days_per_month,
        at=args.at,
        custom=_custom(settings, args.baseline_model or config.baseline_model),
    )


def _custom(settings: Settings, baseline: str) -> tuple[CustomEntry, ...]:
    provider, _, model = baseline.partition(":")
    return baseline_entries(settings, provider, model)


def run(args: argparse.Namespace) -> int:
    inputs = inputs_from(args)
    try:
        result = calculate(inputs)
    except CalculatorError as exc:
        raise KnownError(str(exc)) from exc
    months = result.break_even_months
    if args.json:
        print(
            json.dumps(
                {
                    "currency": inputs.currency,
                    "per_request_cost": as_json_number(result.per_request_cost),
                    "monthly_cloud_cost": as_json_number(result.monthly_cloud_cost),
                    "monthly_electricity_cost": as_json_number(result.monthly_electricity_cost),
                    "monthly_net_saving": as_json_number(result.monthly_net_saving),
                    "break_even_months": None if months is None else round(float(months), 2),
                    "price_source": result.price_source,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0

    def money(value: Decimal) -> str:
        return format_money(value, inputs.currency)

    print(
        translate("Ledger", "Cloud cost per month:       {v}").format(
            v=money(result.monthly_cloud_cost)
        )
    )
    print(
        translate("Ledger", "Electricity per month:      {v}").format(
            v=money(result.monthly_electricity_cost)
        )
    )
    print(
        translate("Ledger", "Net saving per month:       {v}").format(
            v=money(result.monthly_net_saving)
        )
    )
    if months is None:
        print(translate("Ledger", "Break-even:                 never (no monthly saving)"))
    else:
        print(translate("Ledger", "Break-even:                 {m:.1f} months").format(m=months))
    print(translate("Ledger", "Price: {source}").format(source=result.price_source))
    return 0
