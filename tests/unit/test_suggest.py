"""The category suggester on a small hand-built history."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from commandroom.models.suggest import CategorySuggester
from tests import street_fixture
from tests.history_fixture import HISTORY, background, categories, event

T0 = datetime(2026, 11, 1, 9, 0)


@pytest.fixture
def history(sqlite_db):
    street = street_fixture.build(sqlite_db)
    with sqlite_db.session() as s:
        ids = categories(s)
        background(s, street.street_id, ids, T0)  # one an hour: 占道经营's four first
        # Not learnt: a report never registered, and a later one when ``before`` is given.
        event(s, street.street_id, title="占道经营", received_at=T0)
        event(s, street.street_id, title="围墙倒塌占道", category_id=ids["违章搭建"],
              received_at=T0 + timedelta(days=30))
    return sqlite_db, street.street_id, ids


def test_it_prefers_the_category_whose_words_the_report_uses(history):
    db, street_id, ids = history
    with db.session() as s:
        model = CategorySuggester.from_session(s, street_id)
    # Every registered one and the later one; not the report never registered.
    assert model.size == sum(map(len, HISTORY.values())) + 1 == 17
    assert model.suggest("菜市场门口有商贩摆摊占道")[0][0] == ids["占道经营"]
    assert model.suggest("隔壁饭店的音响太吵了，噪音很大")[0][0] == ids["噪音扰民"]
    assert model.suggest("楼顶又在搭建彩钢房")[0][0] == ids["违章搭建"]
    assert model.suggest("垃圾满溢没人清运", k=1) == [(ids["垃圾清运不及时"], pytest.approx(
        model.scores("垃圾满溢没人清运")[ids["垃圾清运不及时"]]))]


def test_scores_are_a_distribution_and_k_limits(history):
    db, street_id, _ = history
    with db.session() as s:
        model = CategorySuggester.from_session(s, street_id)
    scores = model.scores("占道经营")
    assert sum(scores.values()) == pytest.approx(1.0)
    top = model.suggest("占道经营", k=3)
    assert len(top) == 3 and top[0][1] >= top[1][1] >= top[2][1]


def test_unseen_text_falls_back_to_the_most_frequent_categories(history):
    db, street_id, ids = history
    with db.session() as s:
        model = CategorySuggester.from_session(s, street_id, before=T0 + timedelta(days=10))
    assert model.size == 16
    # No n-gram of this text was ever seen: the prior, most frequent first (4, 4, 3 events).
    top = model.suggest("qwerty", k=3)
    assert [c for c, _ in top] == sorted([ids["占道经营"], ids["噪音扰民"]]) + [ids["违章搭建"]]
    assert [p for _, p in top] == pytest.approx([4 / 16, 4 / 16, 3 / 16])


def test_before_and_the_street_bound_what_is_learnt(history):
    db, street_id, ids = history
    other = street_fixture.build(db, code="370102006", abbr="QT", name="其他街道", origin=(117.1, 36.7))
    with db.session() as s:
        for k in range(20):
            event(s, other.street_id, title="围墙倒塌", category_id=ids["邻里纠纷"], received_at=T0)
        early = CategorySuggester.from_session(s, street_id, before=T0 + timedelta(hours=4))
        mine = CategorySuggester.from_session(s, street_id)
    assert early.size == 4 and {c for c, _ in early.suggest("噪音", k=5)} == {ids["占道经营"]}
    # The other street's twenty 围墙倒塌 say nothing here: our own one (违章搭建) wins.
    assert mine.suggest("围墙倒塌")[0][0] == ids["违章搭建"]


def test_an_empty_history_suggests_nothing_and_add_learns():
    model = CategorySuggester()
    assert model.suggest("占道经营") == []
    model.add(7, "流动摊贩占道经营")
    model.add(9, "楼顶违章搭建")
    assert model.suggest("摊贩占道")[0][0] == 7
    assert CategorySuggester.train([(7, "噪音"), (7, "噪音")]).size == 2


def test_a_remembered_ranking_is_forgotten_when_the_model_learns():
    """The rankings are remembered per text (the duplicate finder asks the same texts again
    for every report), never past an ``add``: the next one knows what was just learnt."""
    model = CategorySuggester.train([(7, "流动摊贩占道经营"), (9, "楼顶违章搭建")])
    assert model.suggest("摊贩")[0][0] == 7
    assert model.suggest("摊贩") == model.suggest("摊贩")
    for _ in range(3):
        model.add(9, "楼顶摊贩搭建")
    assert model.suggest("摊贩")[0][0] == 9
    assert model.suggest("摊贩", k=1) == model.suggest("摊贩")[:1]
