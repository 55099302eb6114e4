from commandroom.models.ngrams import dot, ngrams, tokens, unit


def test_tokens_keep_cjk_by_character_and_alphanumeric_runs_whole():
    assert tokens("燕子山西路156号，ABC") == ["燕", "子", "山", "西", "路", "156", "号", "abc"]


def test_ngrams_span_punctuation_and_count_repeats():
    grams = ngrams("占道，经营占道")
    assert grams["道经"] == 1  # across the comma
    assert grams["占道"] == 2
    assert grams["占"] == 2 and grams["经营占"] == 1
    assert ngrams("路", sizes=(2, 3)) == {}


def test_unit_vectors_make_dot_a_cosine():
    a, b = unit({"x": 3.0, "y": 4.0}), unit({"x": 1.0})
    assert abs(dot(a, b) - 0.6) < 1e-12
    assert abs(dot(a, a) - 1.0) < 1e-12
    assert unit({}) == {} and dot({}, a) == 0.0
