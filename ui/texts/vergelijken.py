"""UI texts of the Vergelijken page: choosing frameworks, advice side by side, and differences in words."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "cmp_intro": (
            "Vergelijk de regels van twee tot vijf gemeenten. Beantwoord de vragen over één project. U ziet dan het "
            "advies van elke gemeente naast elkaar, en waarom de adviezen verschillen."
        ),
        "cmp_choose": "Gemeenten om te vergelijken (twee tot vijf)",
        "cmp_choose_help": "De eerste gemeente is het vertrekpunt: de andere worden daarmee vergeleken.",
        "cmp_choose_placeholder": "Kies twee tot vijf gemeenten",
        "cmp_too_few": "Kies minstens twee gemeenten om te vergelijken. Nu gekozen: {count}.",
        "cmp_too_many": "Kies hoogstens vijf gemeenten. Nu gekozen: {count}. Haal er {extra} weg.",
        "cmp_link_set_aside": "Niet alles uit de link past bij deze vragen. Dit is niet overgenomen:",
        "cmp_project_header": "Het project",
        "cmp_use_advies": "Neem mijn antwoorden over van de pagina Advies ({name})",
        "cmp_use_advies_help": "Vervangt de antwoorden hieronder door uw antwoorden op de pagina Advies.",
        "cmp_no_advies_answers": "Op de pagina Advies zijn nog geen vragen beantwoord voor {name}.",
        "cmp_asked_by_some": "Niet elke gemeente stelt elke vraag. Een antwoord telt alleen waar de vraag gesteld wordt:",
        "cmp_asked_by": "{trait}: alleen {names}",
        "cmp_advice_header": "Het advies per gemeente",
        "cmp_all_agree": "Alle gekozen gemeenten geven hetzelfde advies: {rung}.",
        "cmp_disagree": "De adviezen verschillen. Onder 'Waarom verschillen ze?' staat waarom.",
        "cmp_too_little": "Er is nog te weinig bekend voor een advies. Op elke kaart staat welke vragen eerst beantwoord moeten worden.",
        "cmp_no_margin": "Er is maar één vorm mogelijk.",
        "cmp_card_role": "Rol van de gemeente: {role}",
        "cmp_card_not_asked": "Deze gemeente stelt deze vragen niet; het antwoord telt hier niet: {questions}",
        "cmp_card_set_aside": "Dit antwoord past niet bij de vraag van deze gemeente en telt hier niet: {questions}",
        "cmp_why_header": "Waarom verschillen ze?",
        "cmp_why_intro": (
            "Per twee gemeenten met een ander advies: welke kaders het verschil maken, en welke antwoorden in de "
            "ene gemeente anders wegen dan in de andere."
        ),
        "cmp_why_none": "Er zijn geen verschillen in advies om uit te leggen.",
        "cmp_pair": "{a} en {b}",
        "cmp_pair_advice": "{a} ({rung_a}) en {b} ({rung_b})",
        "cmp_shifts_caption": (
            "Per antwoord: de punten voor {rung_a} min de punten voor {rung_b}, in elke gemeente. De laatste kolom "
            "is het verschil: {a} min {b}. Het grootste verschil staat bovenaan."
        ),
        "cmp_rules_header": "Verschillen in de regels",
        "cmp_rules_intro": "Wat er in de regels van twee gemeenten anders is, in woorden.",
        "cmp_rules_same": "Er is geen verschil in treden, vragen, punten, kaders of werkvormen.",
        "cmp_heatmap_header": "Verschillen in punten",
        "cmp_heatmap_intro": (
            "Elk vakje zegt hoeveel punten een antwoord in de andere gemeente meer (+) of minder (-) geeft aan een "
            "trede dan in {reference}. Alleen antwoorden die ergens verschillen staan erin. Een vraag die een gemeente "
            "niet stelt, geeft daar 0 punten. Blauw betekent meer punten, rood minder; het getal staat in elk vakje."
        ),
        "cmp_heatmap_title": "Punten in {other} min punten in {reference}",
        "cmp_heatmap_scale": "verschil",
        "cmp_heatmap_alt": "Heatmap: per antwoord en trede het verschil in punten tussen {other} en {reference}. De tabel eronder geeft dezelfde getallen.",
        "cmp_heatmap_same": "{other} geeft voor elk antwoord dezelfde punten als {reference}.",
        "cmp_heatmap_left_out": "Niet in de heatmap, omdat maar één van de twee deze trede heeft: {rungs}.",
        "cmp_col_framework": "Gemeente",
        "cmp_col_advice": "Advies",
        "cmp_col_points_of": "Punten voor {rung}",
        "cmp_col_answer": "Antwoord",
        "cmp_col_lead_in": "In {name}",
        "cmp_col_shift": "Verschil",
        "cmp_no_such_rung": "bestaat hier niet",
        # Rule differences in words
        "cmp_rung_only": '{name} heeft een extra trede boven "{after}": "{rung}". {other} kent die trede niet.',
        "cmp_rung_only_bottom": '{name} heeft een extra trede onderaan: "{rung}". {other} kent die trede niet.',
        "cmp_rung_renamed": '{a} noemt de trede "{name_a}", {b} noemt haar "{name_b}".',
        "cmp_trait_only": 'Alleen {name} stelt de vraag "{trait}": {question}',
        "cmp_trait_disabled": '{other} heeft de vraag "{trait}" uitgezet: daar telt het antwoord niet mee. {name} stelt de vraag wel.',
        "cmp_what_trait": '"{trait}"',
        "cmp_what_answers": 'het antwoord {answers} op "{trait}"',
        "cmp_factor": "{heavier} weegt {what} {times} zo zwaar als {lighter}.",
        "cmp_factor_zero": "{lighter} laat {what} niet meewegen, {heavier} wel.",
        "cmp_times_2": "twee keer",
        "cmp_times_3": "drie keer",
        "cmp_times_4": "vier keer",
        "cmp_times": "{n} keer",
        "cmp_why": "Waarom: {why}",
        "cmp_points": 'Bij "{answer}" verschillen de punten: {rungs}.',
        "cmp_points_rung": "{rung} {a_points} in {a} en {b_points} in {b}",
        "cmp_effect_max": "{name} begrenst op {rung}",
        "cmp_effect_min": "{name} vraagt minstens {rung}",
        "cmp_effect_exclude": "{name} sluit {rungs} uit",
        "cmp_effect_warning": "{name} geeft een waarschuwing",
        "cmp_kader_both": "Als {when}: {effect_a}, maar {effect_b}.",
        "cmp_kader_when": "Als {when}: {effect}.",
        "cmp_kader_absent": "{other} heeft die regel niet.",
        "cmp_reason": "Reden in {name}: {reason}",
        "cmp_robustness": (
            "{a} noemt een advies stevig vanaf {a_firm} punten voorsprong en redelijk stevig vanaf {a_fair}. "
            "{b} doet dat vanaf {b_firm} en {b_fair} punten."
        ),
        "cmp_methods_only": "Werkvormen die alleen {name} kent: {methods}.",
        "cmp_methods_changed": "Deze werkvormen zijn in {a} anders beschreven dan in {b}: {methods}.",
        # Why one project's advice differs
        "cmp_why_head": "{a} adviseert {rung_a}; {b} adviseert {rung_b}.",
        "cmp_why_missing": "{other} kent de trede {rung} niet: die kan daar geen advies worden.",
        "cmp_why_kader_both": "Een kader gold in allebei, maar anders: in {a} {heading_a}; in {b} {heading_b}.",
        "cmp_why_kader_not_fired": "In {name} gold een kader: {heading}. In {other} gold het niet.",
        "cmp_why_kader_absent": "In {name} gold een kader: {heading}. {other} heeft dat kader niet.",
        "cmp_why_gap": "Opgeteld, vóór de kaders: {rung_a} min {rung_b} is {gap_a} punten in {a} en {gap_b} in {b}.",
        "cmp_why_shift": '"{answer}": {rung_a} min {rung_b} is {lead_a} in {a} en {lead_b} in {b}.',
        "cmp_why_close": "Geen antwoord en geen kader weegt voor deze twee treden anders.",
    },
    "en": {
        "cmp_intro": (
            "Compare the rules of two to five municipalities. Answer the questions about one project. You then see "
            "each municipality's advice side by side, and why the advices differ."
        ),
        "cmp_choose": "Municipalities to compare (two to five)",
        "cmp_choose_help": "The first municipality is the starting point: the others are compared with it.",
        "cmp_choose_placeholder": "Choose two to five municipalities",
        "cmp_too_few": "Choose at least two municipalities to compare. Chosen now: {count}.",
        "cmp_too_many": "Choose at most five municipalities. Chosen now: {count}. Remove {extra}.",
        "cmp_link_set_aside": "Not everything in the link fits these questions. This was not used:",
        "cmp_project_header": "The project",
        "cmp_use_advies": "Use my answers from the Advice page ({name})",
        "cmp_use_advies_help": "Replaces the answers below with your answers on the Advice page.",
        "cmp_no_advies_answers": "No questions have been answered yet on the Advice page for {name}.",
        "cmp_asked_by_some": "Not every municipality asks every question. An answer only counts where the question is asked:",
        "cmp_asked_by": "{trait}: only {names}",
        "cmp_advice_header": "The advice per municipality",
        "cmp_all_agree": "All chosen municipalities give the same advice: {rung}.",
        "cmp_disagree": "The advices differ. 'Why do they differ?' explains why.",
        "cmp_too_little": "Too little is known yet for an advice. Each card says which questions to answer first.",
        "cmp_no_margin": "Only one form is possible.",
        "cmp_card_role": "Role of the municipality: {role}",
        "cmp_card_not_asked": "This municipality does not ask these questions; the answer does not count here: {questions}",
        "cmp_card_set_aside": "This answer does not fit this municipality's question and does not count here: {questions}",
        "cmp_why_header": "Why do they differ?",
        "cmp_why_intro": (
            "For each two municipalities with different advice: which frames make the difference, and which answers "
            "weigh differently in one than in the other."
        ),
        "cmp_why_none": "There are no differences in advice to explain.",
        "cmp_pair": "{a} and {b}",
        "cmp_pair_advice": "{a} ({rung_a}) and {b} ({rung_b})",
        "cmp_shifts_caption": (
            "Per answer: the points for {rung_a} minus the points for {rung_b}, in each municipality. The last column "
            "is the difference: {a} minus {b}. The biggest difference comes first."
        ),
        "cmp_rules_header": "Differences in the rules",
        "cmp_rules_intro": "What is different in the rules of two municipalities, in words.",
        "cmp_rules_same": "There is no difference in rungs, questions, points, frames or working methods.",
        "cmp_heatmap_header": "Differences in points",
        "cmp_heatmap_intro": (
            "Each cell says how many more (+) or fewer (-) points an answer gives to a rung in the other municipality "
            "than in {reference}. Only answers that differ somewhere are shown. A question a municipality does not ask "
            "gives 0 points there. Blue means more points, red fewer; the number is written in every cell."
        ),
        "cmp_heatmap_title": "Points in {other} minus points in {reference}",
        "cmp_heatmap_scale": "difference",
        "cmp_heatmap_alt": "Heatmap: per answer and rung the difference in points between {other} and {reference}. The table below gives the same numbers.",
        "cmp_heatmap_same": "{other} gives the same points as {reference} for every answer.",
        "cmp_heatmap_left_out": "Not in the heatmap, because only one of the two has this rung: {rungs}.",
        "cmp_col_framework": "Municipality",
        "cmp_col_advice": "Advice",
        "cmp_col_points_of": "Points for {rung}",
        "cmp_col_answer": "Answer",
        "cmp_col_lead_in": "In {name}",
        "cmp_col_shift": "Difference",
        "cmp_no_such_rung": "does not exist here",
        "cmp_rung_only": '{name} has an extra rung above "{after}": "{rung}". {other} does not have that rung.',
        "cmp_rung_only_bottom": '{name} has an extra rung at the bottom: "{rung}". {other} does not have that rung.',
        "cmp_rung_renamed": '{a} calls the rung "{name_a}", {b} calls it "{name_b}".',
        "cmp_trait_only": 'Only {name} asks the question "{trait}": {question}',
        "cmp_trait_disabled": '{other} has switched off the question "{trait}": the answer does not count there. {name} does ask it.',
        "cmp_what_trait": '"{trait}"',
        "cmp_what_answers": 'the answer {answers} to "{trait}"',
        "cmp_factor": "{heavier} weighs {what} {times} as heavily as {lighter}.",
        "cmp_factor_zero": "{lighter} gives {what} no weight; {heavier} does.",
        "cmp_times_2": "twice",
        "cmp_times_3": "three times",
        "cmp_times_4": "four times",
        "cmp_times": "{n} times",
        "cmp_why": "Why: {why}",
        "cmp_points": 'For "{answer}" the points differ: {rungs}.',
        "cmp_points_rung": "{rung} {a_points} in {a} and {b_points} in {b}",
        "cmp_effect_max": "{name} caps at {rung}",
        "cmp_effect_min": "{name} asks at least {rung}",
        "cmp_effect_exclude": "{name} rules out {rungs}",
        "cmp_effect_warning": "{name} gives a warning",
        "cmp_kader_both": "If {when}: {effect_a}, but {effect_b}.",
        "cmp_kader_when": "If {when}: {effect}.",
        "cmp_kader_absent": "{other} has no such rule.",
        "cmp_reason": "Reason in {name}: {reason}",
        "cmp_robustness": (
            "{a} calls an advice firm from a lead of {a_firm} points and fairly firm from {a_fair}. "
            "{b} does so from {b_firm} and {b_fair} points."
        ),
        "cmp_methods_only": "Working methods only {name} has: {methods}.",
        "cmp_methods_changed": "These working methods are described differently in {a} than in {b}: {methods}.",
        "cmp_why_head": "{a} advises {rung_a}; {b} advises {rung_b}.",
        "cmp_why_missing": "{other} has no rung {rung}: it cannot be the advice there.",
        "cmp_why_kader_both": "A frame applied in both, but differently: in {a} {heading_a}; in {b} {heading_b}.",
        "cmp_why_kader_not_fired": "In {name} a frame applied: {heading}. In {other} it did not apply.",
        "cmp_why_kader_absent": "In {name} a frame applied: {heading}. {other} does not have that frame.",
        "cmp_why_gap": "In total, before the frames: {rung_a} minus {rung_b} is {gap_a} points in {a} and {gap_b} in {b}.",
        "cmp_why_shift": '"{answer}": {rung_a} minus {rung_b} is {lead_a} in {a} and {lead_b} in {b}.',
        "cmp_why_close": "No answer and no frame weighs differently for these two rungs.",
    },
}
