"""The web UI in a real headless Chromium against a real server over the demo corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_search_then_change_the_as_of_date(page: Page, artifacts: Path) -> None:
    page.goto("/")
    expect(page.get_by_test_id("article-count")).to_have_text("122")
    page.screenshot(path=str(artifacts / "home.png"), full_page=False)
    page.get_by_role("searchbox", name="Search").fill("Atwell drifting")
    page.get_by_role("button", name="Search", exact=True).click()
    results = page.get_by_test_id("result")
    expect(results).to_have_count(2)
    expect(page.get_by_test_id("result-count")).to_contain_text("2 articles match")
    expect(results.first.locator("mark").first).to_be_visible()
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)

    page.locator("[data-asof-input]").fill("2023-06-30")  # the change event submits the form (dateline.js)
    page.wait_for_url(re.compile(r"as_of=2023-06-30"))
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("2023-06-22")
    expect(page.locator(".asof-banner")).to_contain_text("2023-06-30")
    page.screenshot(path=str(artifacts / "search-as-of.png"), full_page=True)

    page.locator("[data-asof-input]").fill("2023-07-08")
    page.wait_for_url(re.compile(r"as_of=2023-07-08"))
    expect(results).to_have_count(2)


def test_article_highlights_lead_to_the_entity_page(page: Page, artifacts: Path) -> None:
    page.goto("/?q=Atwell+drifting&as_of=2023-06-30")
    page.get_by_test_id("result").first.get_by_role("link").first.click()
    expect(page.locator(".headline")).to_be_visible()
    expect(page.locator("mark.mark-timex").first).to_be_visible()
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)
    page.locator("a.mark-entity", has_text="Hayley Atwell").first.click()
    expect(page.get_by_test_id("entity-name")).to_have_text("Hayley Atwell")
    assert "as_of=2023-06-30" in page.url
    bars = page.get_by_test_id("mention-chart").locator("svg rect")
    assert bars.count() >= 1
    page.screenshot(path=str(artifacts / "entity-as-of.png"), full_page=True)


def test_entity_page_with_its_chart(page: Page, artifacts: Path) -> None:
    page.goto("/entities")
    expect(page.get_by_test_id("entities").locator("tbody tr").first).to_be_visible()
    page.screenshot(path=str(artifacts / "entities.png"), full_page=True)
    page.goto("/entities/Atwell")
    expect(page.get_by_test_id("entity-name")).to_have_text("Hayley Atwell")
    chart = page.get_by_test_id("mention-chart").locator("svg")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() >= 2
    fetched = page.get_by_test_id("entity-timeline")
    expect(fetched.get_by_test_id("timeline")).to_be_visible()  # fetched after the page showed
    expect(fetched).to_contain_text("Hayley Atwell")
    page.screenshot(path=str(artifacts / "entity.png"), full_page=True)
    fetched.get_by_role("link", name=re.compile("timeline")).click()
    expect(page.get_by_test_id("timeline-title")).to_contain_text("Hayley Atwell")


def test_errors_are_pages_for_people(page: Page, artifacts: Path) -> None:
    response = page.goto("/articles/does-not-exist")
    assert response is not None and response.status == 404
    expect(page.locator(".error-box")).to_contain_text("D204")
    response = page.goto("/?as_of=yesterday")
    assert response is not None and response.status == 400
    page.screenshot(path=str(artifacts / "error.png"), full_page=True)


def test_timeline_page_now_and_as_of(page: Page, artifacts: Path) -> None:
    page.goto("/timeline")
    page.get_by_role("searchbox", name="Timeline topic").fill("Dead Reckoning")
    page.get_by_role("button", name="Build timeline").click()
    expect(page.get_by_test_id("timeline-title")).to_have_text("Dead Reckoning")
    premiere = page.locator("#d-2023-07-12")
    expect(premiere).to_contain_text("July 12th")
    expect(premiere).to_contain_text("2 sources")
    assert page.get_by_test_id("timeline-visual").locator("svg circle").count() >= 2
    page.screenshot(path=str(artifacts / "timeline.png"), full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(artifacts / "timeline-print.png"), full_page=True)
    expect(page.locator(".masthead")).to_be_hidden()
    page.emulate_media(media="screen")

    page.locator("[data-asof-input]").fill("2023-06-30")
    page.wait_for_url(re.compile(r"as_of=2023-06-30"))
    expect(premiere).to_contain_text("expected")
    expect(premiere).to_contain_text("1 source")
    page.screenshot(path=str(artifacts / "timeline-as-of.png"), full_page=True)
    export = page.request.get(page.get_by_role("link", name="TimelineJS").get_attribute("href") or "")
    assert export.ok and {"year": 2023, "month": 7, "day": 12} in [e["start_date"] for e in export.json()["events"]]


def test_stories_and_a_story(page: Page, artifacts: Path) -> None:
    page.goto("/stories")
    cards = page.get_by_test_id("stories").locator("article")
    expect(cards.first).to_be_visible()
    page.screenshot(path=str(artifacts / "stories.png"), full_page=True)
    title = cards.first.locator("h3").inner_text()
    cards.first.get_by_role("link").first.click()
    expect(page.get_by_test_id("story-title")).to_have_text(title)
    page.screenshot(path=str(artifacts / "story.png"), full_page=True)


def test_what_changed(page: Page, artifacts: Path) -> None:
    page.goto("/changes")
    page.get_by_label("Since").fill("2023-06-30")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("changes-summary")).to_contain_text("1 new articles")
    expect(page.locator("aside")).to_contain_text("TikTok")
    page.screenshot(path=str(artifacts / "changes.png"), full_page=True)


def test_api_reference_is_generated_from_the_spec(page: Page, artifacts: Path) -> None:
    page.goto("/api/docs")
    expect(page.locator("#GET-api-search")).to_contain_text("as_of")
    expect(page.locator("#POST-api-ingest")).to_contain_text("401")
    page.screenshot(path=str(artifacts / "api-reference.png"), full_page=False)


def test_pages_fit_a_phone_screen(page: Page, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for name, path in (("search", "/?q=Atwell"), ("timeline", "/timeline?q=Dead+Reckoning"),
                       ("entity", "/entities/Atwell"), ("article", "/?q=premieres")):
        page.goto(path)
        if name == "article":
            page.get_by_test_id("result").first.get_by_role("link").first.click()
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"{name} page is {width}px wide on a 390px screen"
        page.screenshot(path=str(artifacts / f"phone-{name}.png"), full_page=False)
