"""Any text a phone can send: the buyer stays in persona and the state stays storable."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.engine import Engine
from bot.engine.state import SessionState
from bot.scenario.library import load_library

LIBRARY = load_library()
ENGINES = {sid: Engine(s) for sid, s in LIBRARY.scenarios.items()}

texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(["", " ", "\x00\x01\x1b[31m", "🙂🙂🙂", "שלום, מה שלומך?", "مرحبا؟",
                     "?" * 50, "wnr ong m2 t", "a" * 10_000, "€€€ 2.900,- ?", "\u202eevil"]),
    st.builds(lambda w, n: " ".join([w] * n), st.sampled_from(["contract", "prijs", "why?"]),
              st.integers(1, 3000)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_id=st.sampled_from(sorted(ENGINES)), lang=st.sampled_from(["nl", "en"]),
       messages=st.lists(texts, min_size=1, max_size=6), seed=st.integers(0, 2**30))
def test_arbitrary_text_never_breaks_the_buyer(scenario_id, lang, messages, seed):
    engine = ENGINES[scenario_id]
    state = engine.start(lang, seed=seed)
    assert state.opening.strip()
    for text in messages:
        result = engine.turn(state, text)
        assert isinstance(result.reply, str) and result.reply.strip()
        assert len(result.reply) < 3000
        restored = SessionState.from_dict(json.loads(json.dumps(state.to_dict())))
        assert restored.to_dict() == state.to_dict()
    engine.hint(state)
    engine.stop(state)
    assert state.ended
