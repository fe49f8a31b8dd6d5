"""The tagger on small hand-made sentences: spans, types, values and their resolution against the anchor."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dateline.errors import Code, TemporalError
from dateline.temporal import Timex, tag


def found(text: str, anchor: str, mode: str | None = None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor, mode)]


def test_seed_goldens() -> None:
    assert ("July 12th", "DATE", "2023-07-12") in found("The film premieres in theaters on July 12th.", "2023-06-22")
    assert ("next week", "DATE", "2023-W28") in found("It heads into theaters next week.", "2023-07-07")


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Bombs exploded Friday, witnesses said.", "1998-08-07", ("Friday", "DATE", "1998-08-07")),
    ("He resigned on Monday.", "1998-08-07", ("Monday", "DATE", "1998-08-03")),
    ("The monarch will meet Bush on Thursday.", "1990-08-15", ("Thursday", "DATE", "1990-08-16")),
    # the reporting verb after a comma dates the report, not what will happen
    ("Halmo will vote on the merger with Jorsul Corp on Saturday, its chairman announced.", "2000-02-03",
     ("Saturday", "DATE", "2000-02-05")),
    ("They met last Friday.", "1989-10-30", ("last Friday", "DATE", "1989-10-27")),
    ("Profit rose in the third quarter.", "1989-10-26", ("the third quarter", "DATE", "1989-Q3")),
    ("Sales fell last year.", "1998-02-06", ("last year", "DATE", "1997")),
    ("The deal closes early next year.", "1989-10-26", ("early next year", "DATE", "1990")),
    ("It happened 10 days ago.", "1998-03-22", ("10 days ago", "DATE", "1998-03-12")),
    ("It lasted three days.", "1998-03-22", ("three days", "DURATION", "P3D")),
    ("It began almost four years ago.", "1999-03-12", ("almost four years ago", "DATE", "1995")),
    ("It took almost two decades.", "1999-03-12", ("two decades", "DURATION", "P20Y")),
    ("It became routine over the past decade.", "1998-10-25", ("the past decade", "DURATION", "P10Y")),
    ("They lost it in the last decade.", "1998-02-06", ("the last decade", "DATE", "198")),
    ("He was shot last October. His name was crossed out that same day.", "1999-02-06",
     ("that same day", "DATE", "1998-10-XX")),
    ("a 30-year bond", "1989-10-27", ("30-year", "DURATION", "P30Y")),
    ("It took 5 1/2 hours.", "1998-08-17", ("5 1/2 hours", "DURATION", "PT5H30M")),
    ("The shop is open every Friday.", "2023-06-22", ("every Friday", "SET", "XXXX-WXX-5")),
    ("Prices are now higher.", "1989-10-26", ("now", "DATE", "PRESENT_REF")),
    ("Prices rose recently.", "1989-10-26", ("recently", "DATE", "PAST_REF")),
    ("He was born in the 1990s.", "2023-06-22", ("the 1990s", "DATE", "199")),
    ("It peaked in the mid-1980s.", "2023-06-22", ("the mid-1980s", "DATE", "198")),
    ("Prices fell in 1990s markets.", "2023-06-22", ("1990s", "DATE", "199X")),
    ("Ships arrived last fall.", "1998-02-06", ("last fall", "DATE", "1997-FA")),
    ("It was dark at 10:35 a.m. EDT Thursday.", "1998-08-08", ("10:35 a.m. EDT Thursday", "TIME",
                                                                "1998-08-06T10:35")),
    ("Troops left this morning.", "1998-02-06", ("this morning", "TIME", "1998-02-06TMO")),
    ("The vote is on Dec. 7, 1989.", "1989-10-27", ("Dec. 7, 1989", "DATE", "1989-12-07")),
    ("He died in 1959.", "2000-01-15", ("1959", "DATE", "1959")),
])
def test_expressions(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text, anchor)


def test_month_without_year_takes_the_nearest_year() -> None:
    assert found("Talks resume Jan. 14.", "2000-01-05") == [("Jan. 14", "DATE", "2000-01-14")]
    assert found("The plan takes effect Feb. 1.", "1989-10-26") == [("Feb. 1", "DATE", "1990-02-01")]


def test_a_year_earlier_keeps_the_granularity_of_the_period_talked_about() -> None:
    text = "Net income rose in the third quarter from a year earlier."
    assert found(text, "1989-10-26")[-1] == ("a year earlier", "DATE", "1988-Q3")


def test_a_year_earlier_than_a_day_is_that_day_a_year_before() -> None:
    text = "Revenue for the quarter ended Sept. 30 rose to $2 billion from $1.8 billion a year earlier."
    assert found(text, "1989-10-26")[-1] == ("a year earlier", "DATE", "1988-09-30")


def test_the_previous_weekday_counts_from_the_day_talked_about() -> None:
    text = "On Oct. 27, 1989 the index fell 4.5% from the previous Friday."
    assert found(text, "1989-11-15")[-1] == ("the previous Friday", "DATE", "1989-10-20")
    assert found("He left on June 2, 1999 and came back the following Monday.", "1999-06-20")[-1] == (
        "the following Monday", "DATE", "1999-06-07")


def test_the_week_and_the_month_are_the_ones_talked_about() -> None:
    assert found("For the week, the index dropped 3.8%.", "1989-10-30") == [("the week", "DATE", "1989-W44")]
    assert found("Troops arrive by the end of the month.", "1990-08-13") == [
        ("the end of the month", "DATE", "1990-08")]
    assert found("The week before, it rose.", "1989-10-30") == []


def test_the_second_day_of_a_range_is_a_date() -> None:
    assert found("The summit is on April 24 and 25.", "1999-02-10") == [
        ("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]
    assert found("Sales rose on April 24 and 25 percent of buyers paid cash.", "1999-02-10") == [
        ("April 24", "DATE", "1999-04-24")]


def test_since_points_to_the_past_and_and_later_needs_no_verb_after_it() -> None:
    assert found("They have searched since the Oct. 23 slaying.", "1999-05-06") == [("Oct. 23", "DATE", "1998-10-23")]
    assert found("He flew in October 1984 and later served.", "1998-04-18") == [("October 1984", "DATE", "1984-10")]
    assert found("Models from 1998 and later.", "1998-04-18") == [("1998 and later", "DATE", "1998")]


def test_spelled_years_after_a_month_or_season() -> None:
    assert found("January nineteen ninety-seven. Atlanta again.", "1998-02-27") == [
        ("January nineteen ninety-seven", "DATE", "1997-01")]
    assert found("the level we saw in the winter of nineteen ninety-four", "1998-02-23") == [
        ("the winter of nineteen ninety-four", "DATE", "1994-WI")]


def test_span_conventions_of_amounts_and_years() -> None:
    assert found("In the last twenty four hours it fell.", "1998-01-08") == [
        ("the last twenty four hours", "DURATION", "PT24H")]
    assert found("It may take no more than sixty days.", "1998-02-22") == [
        ("no more than sixty days", "DURATION", "P60D")]
    assert found("Profit fell from the 1988 second quarter.", "1989-11-02") == [
        ("the 1988 second quarter", "DATE", "1988-Q2")]
    assert found("It is closed right now.", "1998-01-26") == [("now", "DATE", "PRESENT_REF")]


def test_bare_plural_units_after_for_or_the() -> None:
    text = "It has been troubled for years. In the days before the shooting, and in the years that followed."
    assert found(text, "1998-08-17") == [("years", "DURATION", "PXY"), ("days", "DURATION", "PXD"),
                                         ("years", "DURATION", "PXY")]
    assert found("Five families waited; days passed.", "1998-08-17") == []


def test_ages_generic_today_and_clauses_are_not_times() -> None:
    assert found("Kopp was in his early 30s. The case is for today's youth.", "1999-05-06") == []
    assert found("She spent 5 hours there, later in the day before returning home.", "1998-08-17") == [
        ("5 hours", "DURATION", "PT5H")]
    assert found("He said in today's editions that it fell.", "1989-11-02") == [("today", "DATE", "1989-11-02")]


def test_sets_keep_their_open_values() -> None:
    assert found("Orangemen march each July from their church.", "1998-03-22") == [("each July", "SET", "XXXX-07")]


def test_one_day_after_a_modal_is_the_future() -> None:
    assert found("Islam will one day be the largest. It took one day.", "1998-03-03") == [
        ("one day", "DATE", "FUTURE_REF"), ("one day", "DURATION", "P1D")]


def test_a_quotation_is_its_own_clause_for_tense() -> None:
    text = "``He will leave at 4 a.m. EDT Thursday,'' Castro said."
    assert found(text, "2000-04-05") == [("4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00")]


def test_holidays_by_rule() -> None:
    assert found("It is a theme from now to Election Day.", "1998-10-26")[-1] == ("Election Day", "DATE", "1998-11-03")
    assert found("He lost before Election Day 1994.", "1994-10-01") == [("Election Day 1994", "DATE", "1994-11-08")]
    assert found("They met on Thanksgiving.", "1999-12-01") == [("Thanksgiving", "DATE", "1999-11-25")]
    assert found("the election day in Britain", "1998-01-01") == []


def test_tense_cues_plans_could_and_past_deadlines() -> None:
    assert found("On Friday, when Albright set aside vacation plans, the warning was lifted.", "1998-08-17") == [
        ("Friday", "DATE", "1998-08-14")]
    assert found("His grandparents could not be located Wednesday.", "2000-01-06") == [
        ("Wednesday", "DATE", "2000-01-05")]
    assert found("Members had filed reports by Wednesday.", "1990-08-16") == [("Wednesday", "DATE", "1990-08-15")]
    assert found("Until Thursday, they had not called him a suspect.", "1999-05-07") == [
        ("Thursday", "DATE", "1999-05-06")]
    assert found("Members must file reports by Wednesday.", "1990-08-16") == [("Wednesday", "DATE", "1990-08-22")]
    assert found("He and Arafat meet separately Monday with Albright.", "1998-05-01") == [
        ("Monday", "DATE", "1998-05-04")]


def test_unit_long_adjectives_and_daily_basis() -> None:
    assert found("They left their third day-long meeting; a 3-day-long trip.", "2000-04-03") == [
        ("day-long", "DURATION", "P1D"), ("3-day-long", "DURATION", "P3D")]
    assert found("We check leads on a daily basis.", "1998-11-21") == [("daily", "SET", "P1D")]


def test_mid_parts_of_day_and_noon_after_a_preposition() -> None:
    assert found("At mid-afternoon yesterday shares rose.", "1989-11-02") == [
        ("mid-afternoon yesterday", "TIME", "1989-11-01TAF")]
    assert found("He will appear in court at midday.", "1999-10-08") == [("midday", "TIME", "1999-10-08T12:00")]
    assert found("Noon is a fine hour for lunch.", "1999-10-08") == []


def test_march_is_a_month_unless_it_names_a_procession() -> None:
    assert found("He quit in March for health reasons.", "1989-11-02") == [("March", "DATE", "1989-03")]
    assert found("They joined the March for Life.", "1999-01-22") == []


def test_a_unit_after_a_quantity_is_a_rate() -> None:
    text = "It saves $500 million a year and adds 700 seats a week. Profit was $2 million a year ago. It took a year."
    assert found(text, "1989-10-30") == [("a year", "SET", "P1Y"), ("a week", "SET", "P1W"),
                                         ("a year ago", "DATE", "1988"), ("a year", "DURATION", "P1Y")]


def test_a_title_in_title_case_is_not_a_week() -> None:
    text = 'Baker, speaking on ABC News\' "This Week," said it. This week he left.'
    assert found(text, "1990-08-13") == [("This week", "DATE", "1990-W33")]


def test_the_quarter_ended_a_month_and_the_latest_completed_quarter() -> None:
    assert found("In the quarter ended July 31, sales rose.", "1989-10-30")[0] == ("the quarter", "DATE", "1989-Q2")
    assert found("For the quarter ended Jan. 31, it lost.", "1989-10-30")[0] == ("the quarter", "DATE", "1988-Q4")
    text = ("Profit rose in the second quarter. It expects a loss in the fourth quarter, it said on Oct. 5. "
            "In the quarter, it hired.")
    assert found(text, "1989-10-30")[-1] == ("the quarter", "DATE", "1989-Q2")  # the last completed one


def test_decades_are_written_in_years() -> None:
    assert found("It was the lowest rate for two decades.", "1998-02-06") == [("two decades", "DURATION", "P20Y")]


def test_an_adjective_in_ed_is_not_a_past_tense_cue() -> None:
    text = "The dividend would be paid on a still unspecified date in January."
    assert found(text, "1989-10-26") == [("January", "DATE", "1990-01")]


def test_financial_periods() -> None:
    text = "Profit fell in the year-ago quarter. Revenue for the year ended June 30 rose; the quarter was weak."
    assert found(text, "1989-10-26") == [("the year-ago quarter", "DATE", "1988-Q3"),
                                         ("the year", "DURATION", "P1Y"), ("June 30", "DATE", "1989-06-30"),
                                         ("the quarter", "DATE", "1989-Q3")]


def test_narrative_mode_counts_from_the_last_absolute_date() -> None:
    text = "The treaty was signed on March 3, 1921. Two days later, the troops left."
    assert ("Two days later", "DATE", "1921-03-05") not in found(text, "2023-06-22", "news")
    assert ("Two days", "DURATION", "P2D") in found(text, "2023-06-22", "narrative")
    text = "The treaty was signed on March 3, 1921. The next day, the troops left."
    assert ("The next day", "DATE", "1921-03-04") in found(text, "2023-06-22", "narrative")


def test_mode_is_chosen_per_text() -> None:
    history = ("The war began in 1914. In 1916 the battle of the Somme was fought; in 1917 the United States "
               "entered the war, and in 1918 an armistice ended the fighting. The treaty followed in 1919, and "
               "for years after, in 1920 and 1921, the peace was debated. The next year the debate went on.")
    assert ("The next year", "DATE", "1920") not in found(history, "2023-06-22")
    timexes = tag(history, "2023-06-22")
    assert timexes[-1].anchor != "2023-06-22"  # resolved against the narrative's last date, not the DCT
    profile = ("He is leaving for the United States, he said Saturday. He flew on May 26, 1980, and again in "
               "October 1984. On May 22, 1995, he was made a general. He was cited in December.")
    assert ("December", "DATE", "1997-12") in found(profile, "1998-04-18")  # "said Saturday": a news story


def test_anchor_forms_and_bounds() -> None:
    for anchor in ("2023-07-07", date(2023, 7, 7), datetime(2023, 7, 7, 12, 30), "2023-07-07T12:30:00Z"):
        (timex,) = tag("next week", anchor)
        assert timex == Timex(0, 9, "next week", "DATE", "2023-W28", anchor="2023-07-07", earliest="2023-07-10",
                              latest="2023-07-16")


@pytest.mark.parametrize("anchor", ["", "yesterday", "2023-13-01", None, 20230707])
def test_bad_anchor_fails_closed(anchor: object) -> None:
    with pytest.raises(TemporalError) as error:
        tag("next week", anchor)  # type: ignore[arg-type]
    assert error.value.code is Code.INVALID_ANCHOR


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(TemporalError):
        tag("next week", "2023-07-07", mode="poetry")


def test_words_that_only_look_like_dates_are_left_alone() -> None:
    assert found("Mar and Jan went to the market; they may march in the fall of prices.", "2023-06-22") == []
    assert found("He is a 6-year-old boy who paid $1,999 for 2000 shares.", "2023-06-22") == []
    assert found("Marchers joined the March for Life; the Party daily Granma reported it.", "1999-01-22") == []


def test_colloquial_mode_reads_informal_spellings_only_in_short_texts() -> None:
    tweet = "cant wait 4 the show tmrw!! c u 2nite"
    assert found(tweet, "2023-07-07") == [("tmrw", "DATE", "2023-07-08"), ("2nite", "TIME", "2023-07-07TNI")]
    assert found(tweet, "2023-07-07", "news") == []
    long_text = "The committee met again. " * 20 + "Nothing is planned tmrw."
    assert found(long_text, "2023-07-07") == []


def test_without_a_tense_news_leans_to_the_past() -> None:
    assert found("The index is within 70 points of its record high set on Aug. 6.", "1998-02-06") == [
        ("Aug. 6", "DATE", "1997-08-06")]
    assert found("The index is within 70 points of its record high set on Aug. 6.", "1998-04-06") == [
        ("Aug. 6", "DATE", "1998-08-06")]


def test_a_period_after_an_initial_does_not_end_the_clause() -> None:
    # "will" is the cue; "P." must not cut it off, and "succeed" is no past tense
    assert found("Mr. Schwarz will succeed Daniel P. Davison Feb. 1, soon after.", "1989-10-26") == [
        ("Feb. 1", "DATE", "1990-02-01")]


def test_a_quarter_that_has_not_begun_is_last_years_in_the_past_tense() -> None:
    assert found("Profit fell in the fourth quarter.", "1998-01-26") == [("the fourth quarter", "DATE", "1997-Q4")]
    assert found("Profit will fall in the fourth quarter.", "1998-01-26") == [
        ("the fourth quarter", "DATE", "1998-Q4")]


def test_a_year_ago_comparison_is_with_a_completed_quarter() -> None:
    text = ("Profit rose in the third quarter. Losses may last through the third quarter of 1990. "
            "In the year-ago period, it earned less.")
    assert found(text, "1989-10-26")[-1] == ("the year-ago period", "DATE", "1988-Q3")


def test_rates_and_measures_are_not_recurrences() -> None:
    assert found("Sales should rise 8.5% annually. Rallies are held here annually.", "1989-10-26") == [
        ("annually", "SET", "P1Y")]
    assert found("Average daily volume fell; it declared a quarterly cash dividend.", "1989-10-26") == []
    assert found("The reserve will be adjusted quarterly.", "1989-10-26") == [("quarterly", "SET", "P3M")]


def test_the_latest_quarter_has_ended() -> None:
    text = "It expects a loss in the fourth quarter. Profit rose in the latest quarter from a year ago."
    assert found(text, "1989-11-02")[1:] == [("the latest quarter", "DATE", "1989-Q3"),
                                             ("a year ago", "DATE", "1988-Q3")]


def test_parts_of_weekdays_every_week() -> None:
    assert found("Flights leave on Monday and Tuesday nights.", "1998-02-13") == [
        ("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]
    assert found("He left Tuesday night.", "1998-02-13") == [("Tuesday night", "DATE", "1998-02-10TNI")]
    assert found("We meet every Friday morning.", "1998-02-13") == [("every Friday morning", "SET", "XXXX-WXX-5TMO")]


def test_a_year_earlier_than_the_nine_months_is_last_year() -> None:
    text = ("Profit rose in the third quarter from a year earlier. For the nine months, net was $2 billion, "
            "up from $1.7 billion a year earlier.")
    assert [value for _, _, value in found(text, "1989-10-26")] == ["1989-Q3", "1988-Q3", "P9M", "1988"]


def test_year_ago_comparisons_go_back_from_the_quarter_reported_on() -> None:
    text = ("Net rose in the third quarter. After a flat second quarter, results improved. Charges were taken in "
            "the year-earlier period. In the 1989 period, rates were lower than a year ago.")
    assert [value for _, _, value in found(text, "1989-11-01")] == ["1989-Q3", "1989-Q2", "1988-Q3", "1989-Q3",
                                                                    "1988-Q3"]


def test_the_year_quarter_is_the_quarter_reported_on_in_that_year() -> None:
    text = "Net fell in the third quarter. It reported lower profit last year. It earned $3 in the 1988 quarter."
    assert found(text, "1989-10-30")[-1] == ("the 1988 quarter", "DATE", "1988-Q3")


def test_generic_uses_of_time_words_are_not_times() -> None:
    assert found("It matters for the future of our peoples.", "1998-02-13") == []
    assert found("It changed from a fiscal year to a calendar year.", "1989-10-27") == [
        ("a calendar year", "DURATION", "P1Y")]
    assert found("He won in each of the past three summers.", "1998-03-22") == []
    assert found("It happened in the past.", "1998-03-22") == [("the past", "DATE", "PAST_REF")]
    assert found("This is VOA Today. USA Today said so.", "1998-03-31") == []
    assert found("Today, prices fell. Prices fell. Today they rose.", "1998-03-31") == [
        ("Today", "DATE", "1998-03-31"), ("Today", "DATE", "1998-03-31")]
    assert found("I would have chosen the people of tomorrow.", "1989-11-02") == []
    assert found("Funds hold more than a quarter of the market.", "1989-10-27") == []
    assert found("Sales rose in the first quarter of the year.", "1989-10-27")[0][:2] == ("the first quarter", "DATE")


def test_last_and_next_holidays_are_strictly_before_and_after_the_anchor() -> None:
    assert found("We met last Christmas.", "1999-12-20") == [("last Christmas", "DATE", "1998-12-25")]
    assert found("We meet next Christmas.", "1999-12-20") == [("next Christmas", "DATE", "1999-12-25")]
    assert found("They came last Thanksgiving.", "2000-02-10") == [("last Thanksgiving", "DATE", "1999-11-25")]


def test_hyphenated_early_and_late_join_the_span() -> None:
    timexes = tag("It peaked in the late-November cold.", "2000-01-28")
    assert [(t.text, t.value, t.mod) for t in timexes] == [("late-November", "1999-11", "END")]


def test_last_year_in_a_comparison_of_quarterly_amounts_is_the_year_ago_quarter() -> None:
    text = "In the latest quarter, it lost $23 million, compared with earnings of $33 million last year."
    assert found(text, "1989-10-30") == [("the latest quarter", "DATE", "1989-Q3"), ("last year", "DATE", "1988-Q3")]
    assert found("Sales fell last year.", "1989-10-30") == [("last year", "DATE", "1988")]
    assert found("Sales were $5 million, compared with $4 million last year.", "1989-10-30")[-1] == (
        "last year", "DATE", "1988")


def test_the_day_before_a_named_day_is_one_expression() -> None:
    assert found("The day before last Tuesday, he left.", "2000-02-24") == [
        ("The day before last Tuesday", "DATE", "2000-02-21")]
    assert found("He arrived the day after Christmas.", "2000-02-24") == [
        ("the day after Christmas", "DATE", "1999-12-26")]
    assert found("He left on Monday. He had arrived the day before.", "2000-02-24")[-1] == (
        "the day before", "DATE", "2000-02-20")
    assert found("Prices fell after Oct. 12, the day before the plunge.", "1989-10-30") == [
        ("Oct. 12", "DATE", "1989-10-12"), ("the day before", "DATE", "1989-10-12")]  # an apposition: the same day
    assert found("It rained on Oct. 12, the day after Columbus Day.", "1989-10-30")[-1] == (
        "the day after Columbus Day", "DATE", "1989-10-10")


def test_plans_made_before_the_anchor_are_still_ahead() -> None:
    text = "Protesters planned a march on Saturday and were planning to drive around the airport."
    assert found(text, "2000-01-07") == [("Saturday", "DATE", "2000-01-08")]


def test_easter_and_the_feasts_counted_from_it() -> None:
    assert found("During Easter week, pilgrims came.", "2000-04-17") == [("Easter week", "DATE", "2000-W16")]
    assert found("Shops close on Good Friday 2024.", "2000-04-17") == [("Good Friday 2024", "DATE", "2024-03-29")]
    assert found("They met last Easter.", "2000-04-17") == [("last Easter", "DATE", "1999-04-04")]


def test_a_great_day_is_the_day_talked_about() -> None:
    assert found('It joined NATO on Friday. "It is a great day for Poland," he said.', "1999-03-13") == [
        ("Friday", "DATE", "1999-03-12"), ("day", "DATE", "1999-03-12")]
    assert found("Today is a sad day for the Constitution.", "2000-01-05")[-1] == ("day", "DATE", "2000-01-05")
    assert found("It was a great day of fishing.", "2000-01-05") == []


def test_the_nth_day_of_an_event_is_the_day_talked_about() -> None:
    assert found("In Saudi Arabia, today is the eighth day of Desert Shield.", "1990-08-15")[-1] == (
        "the eighth day", "DATE", "1990-08-15")
    assert found("He would do so on his first day in office.", "1998-10-26") == []
