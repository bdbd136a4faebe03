namespace Trellis.Core.AnnexA;

/// <summary>
/// The code lists of Ofsted's Annex A template (Codes_used, August 2019), as data: each code's preferred form,
/// its detailed description and Ofsted's grouped code where the template gives them.
/// </summary>
internal static class AnnexACodeLists
{
    public static IReadOnlyDictionary<string, string[][]> Sets { get; } = new Dictionary<string, string[][]>(StringComparer.Ordinal)
    {
        ["Gender"] =
        [
            ["a) Male", "", ""],
            ["b) Female", "", ""],
            ["c) Not stated/recorded", "", ""],
            ["d) Neither", "", ""],
        ],
        ["Ethnicity"] =
        [
            ["a) WBRI", "White British", "a) White"],
            ["b) WIRI", "White Irish", "a) White"],
            ["c) WIRT", "Traveller of Irish heritage", "a) White"],
            ["d) WOTH", "Any other White background", "a) White"],
            ["e) WROM", "Gypsy/Roma", "a) White"],
            ["f) MWBC", "White and Black Caribbean", "b) Mixed"],
            ["g) MWBA", "White and Black African", "b) Mixed"],
            ["h) MWAS", "White and Asian", "b) Mixed"],
            ["i) MOTH", "Any other Mixed background", "b) Mixed"],
            ["j) AIND", "Indian", "d) Asian"],
            ["k) APKN", "Pakistani", "d) Asian"],
            ["l) ABAN", "Bangladeshi", "d) Asian"],
            ["m) AOTH", "Any other Asian background", "d) Asian"],
            ["n) BCRB", "Caribbean", "e) Black"],
            ["o) BAFR", "African", "e) Black"],
            ["p) BOTH", "Any other Black background", "e) Black"],
            ["q) CHNE", "Chinese", "f) Chinese"],
            ["r) OOTH", "Any other ethnic group", "g) Other"],
            ["s) REFU", "Refused", "h) Refused"],
            ["s) NOBT", "Information not yet obtained", "i) Unknown"],
        ],
        ["Contact / Referral Source"] =
        [
            ["a) 1A: Individual", "‘INDIVIDUAL’ – family member, relative or carer.", "a) Individual"],
            ["b) 1B: Individual", "‘INDIVIDUAL’ – acquaintance (including neighbours and child minders).", "a) Individual"],
            ["c) 1C: Individual", "‘INDIVIDUAL’ – self.", "a) Individual"],
            ["d) 1D: Individual", "‘INDIVIDUAL’ – other (including strangers", "a) Individual"],
            ["e) 2A: Schools", "‘SCHOOLS’.", "b) Schools"],
            ["f) 2B: Education services", "‘EDUCATION SERVICES’.", "c) Education services"],
            ["g) 3A: Health services", "‘HEALTH SERVICES’ – general practitioner (GP).", "d) Health services"],
            ["h) 3B: Health services", "‘HEALTH SERVICES’ – health visitor.", "d) Health services"],
            ["i) 3C: Health services", "‘HEALTH SERVICES’ – school nurse.", "d) Health services"],
            ["j) 3D: Health services", "‘HEALTH SERVICES’ – other primary health services.", "d) Health services"],
            ["k) 3E: Health services", "‘HEALTH SERVICES’ – A&E (accident and emergency department).", "d) Health services"],
            ["l) 3F: Health services", "‘HEALTH SERVICES’ – other (for example hospice).", "d) Health services"],
            ["m) 4: Housing", "‘HOUSING’ - local authority housing or housing association.", "e) Housing"],
            ["n) 5A: LA services", "‘LA SERVICES’ – social care for example adults social care services.", "f) LA services"],
            ["o) 5B: LA services", "‘LA SERVICES’ – other internal (department other than social care in local authorities, for example, youth offending (excluding housing)).", "f) LA services"],
            ["p) 5C: LA services", "‘LA SERVICES’ – external, for example, from another local authority’s adults social care services.", "f) LA services"],
            ["q) 6: Police", "‘POLICE’.", "g) Police"],
            ["r) 7: Other legal agency", "‘OTHER LEGAL AGENCY’ – including courts, probation, immigration, CAFCASS (Children and Family Court Advisory and Support Service) or prison.", "h) Other legal agency"],
            ["s) 8: Other", "‘OTHER’ – including children’s centres, independent agency providers or voluntary organisations.", "i) Other"],
            ["t) 9: Anonymous", "‘ANONYMOUS’.", "j) Anonymous"],
            ["u) 10: Unknown", "‘UNKNOWN’.", "k) Unknown"],
        ],
        ["Referral NFA?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Does the Child have a Disability"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
            ["c) Unknown", "", ""],
        ],
        ["Child Seen During Continuous Assessment"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
            ["c) Unknown", "", ""],
        ],
        ["Was the child assessed as being in need at assessment?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Was an Initial Child Protection Conference deemed unnecessary?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Did the Initial Child Protection Conference Result in a Child Protection Plan?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Primary Need Code"] =
        [
            ["N1 - Abuse or neglect", "", ""],
            ["N2 - Child’s disability", "", ""],
            ["N3 - Parental disability or illness", "", ""],
            ["N4 - Family in acute stress", "", ""],
            ["N5 - Family dysfunction", "", ""],
            ["N6 - Socially unacceptable behaviour", "", ""],
            ["N7 - Low income", "", ""],
            ["N8 - Absent parenting", "", ""],
            ["N9 - Cases other than children in need", "", ""],
            ["N0 - Not stated", "", ""],
        ],
        ["Reason for Closure"] =
        [
            ["RC1 - Adopted", "", ""],
            ["RC2 - Died", "", ""],
            ["RC3 - Child arrangements order", "", ""],
            ["RC4 - Special guardianship order", "", ""],
            ["RC5 - Transferred to services of another local authority", "", ""],
            ["RC6 - Transferred to adult social care services", "", ""],
            ["RC7 - Services ceased for any other reason, including child no longer in need", "", ""],
            ["RC8 - Case closed after assessment, no further action", "", ""],
        ],
        ["Case status"] =
        [
            ["a) Looked after child", "", ""],
            ["b) Child Protection plan", "", ""],
            ["c) Child in need plan", "", ""],
            ["d) Open assessment", "", ""],
            ["e) Closed episode", "", ""],
        ],
        ["Initial/Latest Category of Abuse"] =
        [
            ["a) Neglect", "", ""],
            ["b) Physical abuse", "", ""],
            ["c) Sexual abuse", "", ""],
            ["d) Emotional abuse", "", ""],
            ["e) Multiple/not recommended", "", ""],
        ],
        ["Was the Child Seen Alone?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
            ["c) Unknown", "", ""],
        ],
        ["Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Child's Category of Need"] =
        [
            ["N1 - Abuse or neglect", "", ""],
            ["N2 - Child’s disability", "", ""],
            ["N3 - Parental illness or disability", "", ""],
            ["N4 - Family in acute stress", "", ""],
            ["N5 - Family dysfunction", "", ""],
            ["N6 - Socially unacceptable behaviour", "", ""],
            ["N7 - Low income", "", ""],
            ["N8 - Absent parenting", "", ""],
        ],
        ["Is this a second or subsequent episode of being a Looked After Child within the last 12 months (Y/N)"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
        ],
        ["Child's Legal Status"] =
        [
            ["C1: ICO", "C1 - Interim care order", "a) Interim care orders"],
            ["C2: FCO", "C2 - Full care order", "b) Full care orders"],
            ["D1: Freeing order", "D1 - Freeing order granted", "c) Freed for  Adoption"],
            ["E1: Placement order", "E1 - Placement order granted", "d) Placement order granted"],
            ["V2: Single period under S20", "V2 - Single period of accommodation under section 20", "e) Accommodated under S20"],
            ["L1: Police protection LA accommodation", "L1 - Under police protection and in local authority accommodation", "f) Detained on child protection grounds in LA accommodation"],
            ["L2: EPO", "L2 - Emergency protection order (EPO)", "f) Detained on child protection grounds in LA accommodation"],
            ["L3: Child assessment order LA accommodation", "L3 - Under child assessment order and in local authority accommodation", "f) Detained on child protection grounds in LA accommodation"],
            ["J1: Remanded to LA or youth detention", "J1 - Remanded to local authority accommodation or to youth detention accommodation", "g) Youth justice legal Statuses"],
            ["J2: LA accommodation under PACE", "J2 - Placed in local authority accommodation under PACE, including secure accommodation.", "g) Youth justice legal Statuses"],
            ["J3: Youth rehabilitation order", "J3 - Sentenced to Youth Rehabilitation Order", "g) Youth justice legal Statuses"],
            ["V3: Short term breaks, episodes recorded", "V3 - Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded", "zzCodeError"],
            ["V4: Short term breaks, agreements recorded", "V4 - Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)", "zzCodeError"],
        ],
        ["What is the permanence plan for this child?"] =
        [
            ["a) Return to family", "", ""],
            ["b) Adoption", "", ""],
            ["c) SGO/CAO", "", ""],
            ["d) Supported living in the community", "", ""],
            ["e) Long-term residential placement", "", ""],
            ["f) Long-term fostering", "", ""],
            ["g) other", "", ""],
        ],
        ["Reason Ceased to be Looked After"] =
        [
            ["a) E11: Adopted - application unopposed", "E11 - Adopted - application for an adoption order unopposed", "a) Adopted"],
            ["b) E12: Adopted - consent dispensed", "E12 - Adopted – consent dispensed with by court", "a) Adopted"],
            ["c) E2: Died", "E2 - Died", "b) Died"],
            ["d) E3: Care taken by another LA", "E3 - Care taken over by another local authority in the UK", "c) Care taken by another LA"],
            ["e) E4A: Returned home to live with parents or relatives - part of planning", "E4A - Return home to live with parents, relatives, or other person with parental responsibility as part of the care planning process (not under a special guardianship order or residence order or (from 22 April 2014) a child arrangements order).", "d) Returned home to live with parents or relatives"],
            ["f) E4B: Returned home to live with parents or relatives - not part of planning", "E4B - Return home to live with parents, relatives, or other person with parental responsibility which was not part of the current care planning process (not under a special guardianship order or residence order or (from 22 April 2014) a child arrangements order).", "d) Returned home to live with parents or relatives"],
            ["g) E13: Parents, relatives or other with no parental responsibility", "E13 - Left care to live with parents, relatives, or other person with no parental responsibility.", "e) Left care to live with parents, relatives or other person with no parental responsibility"],
            ["h) E41: Residence order granted", "E41 - Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted", "f) Residence order granted"],
            ["i) E45: Special Guardianship Orders - former carer relative/friend", "E45 - Special Guardianship Order made to former foster carers, who were a relative or friend", "g) Special Guardianship Orders"],
            ["j) E46: Special Guardianship Orders - former carer other", "E46 - Special Guardianship Order made to former foster carers, other than relatives or friends", "g) Special Guardianship Orders"],
            ["k) E47: Special Guardianship Orders - relative/friend", "E47 - Special Guardianship Order made to carers, other than former foster carers, who were a relative or friend", "g) Special Guardianship Orders"],
            ["l) E48: Special Guardianship Orders - other", "E48 - Special Guardianship Order made to carers, other than former foster carers, other than relatives or friends", "g) Special Guardianship Orders"],
            ["m) E5: Moved into independent living - supported", "E5 - Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice/support arrangements (such as most hostels, YMCAs, foyers, and care leavers projects)", "h) Moved into independent living"],
            ["n) E6: Moved into independent living - no support", "E6 - Moved into independent living arrangement and no longer looked after : accommodation providing no formalised advice/support arrangements (such as bedsit, own flat, living with friends)", "h) Moved into independent living"],
            ["o) E7: Transferred to residential care funded by adult social services", "E7 - Transferred to residential care funded by Adult Social Services", "i) Transferred to residential care funded by adult social services"],
            ["p) E9: Sentenced to custody", "E9 - Sentenced to custody", "j) Sentenced to custody"],
            ["q) E14: Accommodation on remand ended", "E14 - Accommodation on remand ended", "k) Accommodation on remand ended"],
            ["r) E15: Age assessment determined child was 18 or over", "E15 - Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply", "l) Age assessment determined child was 18 or over"],
            ["s) E16: Child moved abroad", "E16 - Child moved abroad", "m) Child moved abroad"],
            ["t) E8: Care ceased for any other reason", "E8 - Period of being looked after ceased for any other reason", "n) Care ceased for any other reason"],
            ["u) X1:CodeError", "X1 - Episode ceases, and new episode begins on same day, for any reason", "zzCodeError"],
        ],
        ["Placement Type"] =
        [
            ["a) U1: Foster placement - relatives - long term", "Foster placement with relative(s) or friend(s) – long term fostering", "a) Foster placement"],
            ["b) U2: Foster placement - relative - FFA", "Fostering placement with relative(s) or friend(s) who is/are also an approved adopter(s) – FFA/concurrent planning", "a) Foster placement"],
            ["c) U3: Foster placement - relative - not FFA", "Fostering placement with relative(s) or friend(s) who is/are not long-term or FFA/concurrent planning", "a) Foster placement"],
            ["d) U4: Foster placement - long term", "Foster placement with other foster carer(s) – long term fostering", "a) Foster placement"],
            ["e) U5: Foster placement - FFA", "Foster placement with other foster carer(s) who is/are also an approved adopter(s) – FFA/concurrent planning", "a) Foster placement"],
            ["f) U6: Foster placement - not FFA", "Foster placement with other foster carer(s) – not long term or FFA/concurrent planning", "a) Foster placement"],
            ["g) A3: Placed for adoption - consent - current foster", "Placed for adoption with parental/guardian consent with current foster carer (under Section 19 of the Adoption and Children Act 2002) or with a freeing order where parental/guardian consent has been given under Section 18(1)(a) of the Adoption Act 1976", "b) Placed for adoption"],
            ["h) A4: Placed for adoption - consent - not foster", "Placed for adoption with parental/guardian consent not with current foster carer (under Section 19 of the Adoption and Children Act 2002) or with a freeing order where parental/guardian consent has been given under Section 18(1)(a) of the Adoption Act 1976", "b) Placed for adoption"],
            ["i) A5: Placed for adoption - order - foster", "Placed for adoption with placement order with current foster carer (under Section 21 of the Adoption and Children Act 2002) or with a freeing order where parental/guardian consent was dispensed with under Section 18(1)(b) the Adoption Act 1976", "b) Placed for adoption"],
            ["j) A6: Placed for adoption - order - not foster", "Placed for adoption with placement order not with current foster carer (under Section 21 of the Adoption and Children Act 2002) or with a freeing order where parental/guardian consent was dispensed with under Section 18(1)(b) of the Adoption Act 1976", "b) Placed for adoption"],
            ["k) P1: Placed with parents", "Placed with own parents or other person with parental responsibility", "c) Placed with parents"],
            ["l) P2: Independent living", "Independent living like in a flat, lodgings, bedsit, B&B or with friends, with or without formal support", "d) Independent living"],
            ["m) P3: Residential employment", "Residential employment", "e) Residential employment"],
            ["n) H5: Residential accommodation", "Semi-independent living accommodation not subject to Children’s Homes Regulations", "f) Residential accommodation"],
            ["o) K1: Secure Children’s Homes", "Secure Children’s Homes", "g) Secure Children’s Homes"],
            ["p) K2: Children’s Homes", "Children’s Homes subject to Children’s Homes Regulations", "h) Children’s Homes"],
            ["q) R1: Residential Care Home", "Residential Care Home", "i) Residential Care Home"],
            ["r) R2: NHS/Health Trust", "National Health Service/Health Trust or other establishment providing medical or nursing care", "j) NHS/Health Trust"],
            ["s) R3: Family Centre or Mother and Baby Unit", "Family Centre or Mother and Baby Unit", "k) Family Centre or Mother and Baby Unit"],
            ["t) R5: Young Offender Institution", "Young Offender Institution (YOI) or Secure Training Centre (STC)", "l) Young Offender Institution"],
            ["u) S1: Residential school", "All Residential schools, except where dual-registered as a school and Children’s Home", "m) Residential school"],
            ["v) Z1: Other placements", "Other placements (must be listed on a schedule sent to DfE with annual submission)", "n) Other placements"],
            ["w) T0: Temporary placement", "All types of temporary move (see paragraphs above for further details)", "o) Temporary placement"],
            ["x) T1: Temporary placement - hospital", "Temporary periods in hospital", "o) Temporary placement"],
            ["y) T2: Temporary placement - holiday", "Temporary absences of the child on holiday", "o) Temporary placement"],
            ["z) T3: Temporary placement - carer holiday", "Temporary accommodation whilst normal foster carer is on holiday", "o) Temporary placement"],
            ["zz) T4: Temporary placement - seven days or less", "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3", "o) Temporary placement"],
        ],
        ["Placement Provider"] =
        [
            ["a) PR0: Parents/Parental responsibility", "PR0 - Parents or other person with parental responsibility", "c) Other"],
            ["b) PR1: Own provision", "PR1 - Own provision (by the local authority) including a regional adoption agency where the child’s responsible local authority is the host authority", "a) Own LA"],
            ["c) PR2: Other LA provision", "PR2 - Other local authority provision, including a regional adoption agency where another local authority is the host authority", "c) Other"],
            ["d) PR3: Other public provision", "PR3 - Other public provision (for example, a PCT)", "c) Other"],
            ["e) PR4: Private provision", "PR4 - Private provision", "b) Private"],
            ["f) PR5: Voluntary/third sector", "PR5 - Voluntary/third sector provision", "c) Other"],
        ],
        ["Placement Location"] =
        [
            ["a) In", "", ""],
            ["b) Out", "", ""],
        ],
        ["LA of Placement"] =
        [
            ["NIR - Child placed in Northern Ireland", "", ""],
            ["WAL - Child placed in Wales", "", ""],
            ["SCO - Child placed in Scotland", "", ""],
            ["NUK - Child placed outside the UK", "", ""],
            ["CON - Child placed in confidential placement", "", ""],
        ],
        ["Was the child offered a Return Interview after their last missing episode (Y/N)?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
            ["c) Unknown", "", ""],
        ],
        ["Did the child accept a Return Interview after their last missing episode (Y/N)?"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
            ["c) Unknown", "", ""],
        ],
        ["Eligibility Category"] =
        [
            ["a) Relevant child", "", ""],
            ["b) Former relevant child", "", ""],
            ["c) Qualifying care leaver", "", ""],
        ],
        ["LA In Touch"] =
        [
            ["a) Yes", "", ""],
            ["b) No", "", ""],
            ["c) Died", "", ""],
            ["d) Refu", "", ""],
            ["e) NREQ", "", ""],
            ["f) Rhom", "", ""],
        ],
        ["Type of Accommodation"] =
        [
            ["B: Parents/relatives", "B - With parents or relatives", ""],
            ["C: Community home / residential care", "C - Community home or other form of residential care such as an NHS establishment", ""],
            ["D: Semi-independent, transitional accommodation and self-contained accommodation", "D - Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support (for example, for young people with disabilities, pregnant young women and single parents); and self-contained accommodation with floating support", ""],
            ["E: Supported lodgings", "E - Supported lodgings (accommodation, usually in a family home, where adults in the “host family” provide formal advice and support)", ""],
            ["G: Abroad", "G - Gone abroad", ""],
            ["H: Deported", "H - Deported", ""],
            ["K: Ordinary lodgings, without formal support", "K - Ordinary lodgings, without formal support", ""],
            ["R: Residence not known", "R - Residence not known", ""],
            ["S: No fixed abode / homeless", "S - No fixed abode / homeless", ""],
            ["T: Foyers and similar supported accommodation", "T - Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment", ""],
            ["U: Independent living", "U - Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university. Includes flat sharing", ""],
            ["V: Emergency accommodation", "V - Emergency accommodation (like a night shelter, direct access or emergency hostel)", ""],
            ["W: Bed and breakfast", "W - Bed and breakfast", ""],
            ["X: In custody", "X - In custody", ""],
            ["Y: Other accommodation", "Y - Other accommodation", ""],
            ["Z: With former foster carers", "Z - With former foster carers", ""],
        ],
        ["Suitability of Accommodation"] =
        [
            ["a) Suitable", "", ""],
            ["b) Unsuitable", "", ""],
        ],
        ["Activity Status"] =
        [
            ["F1: Full time in higher education", "F1 - Young person engaged full time in higher education (meaning studies beyond A level)", "a) EET"],
            ["P1: Part time in higher education", "P1 - Young person engaged part time in higher education (meaning studies beyond A level)", "a) EET"],
            ["F2: Full time in education other than higher", "F2 - Young person engaged full time in education other than higher education", "a) EET"],
            ["P2: Part time in education other than higher", "P2 - Young person engaged part time in education other than higher education", "a) EET"],
            ["F3: Full time in training or employment", "F3 - Young person engaged full time in training or employment", "a) EET"],
            ["P3: Part time in training or employment", "P3 - Young person engaged part time in training or employment", "a) EET"],
            ["G4: Not in education, employment or training - illness or disability", "G4 - Young person not in education, employment or training because of illness or disability", "b) NEET"],
            ["G5: Not in education, employment or training - other", "G5 - Young person not in education, employment or training: other circumstances", "b) NEET"],
            ["G6: Not in education, employment or training - pregnancy or parenting", "G6 - Young person not in education, employment or training due to pregnancy or parenting", "b) NEET"],
        ],
        ["Reason Why Child No Longer Placed for Adoption"] =
        [
            ["RD1 - The child’s needs changed subsequent to the decision", "", ""],
            ["RD2 - The Court did not make a placement order", "", ""],
            ["RD3 - Prospective adopters could not be found", "", ""],
            ["RD4 - Any other reason", "", ""],
        ],
        ["Reason for leaving adoption process"] =
        [
            ["1 - Adopter withdrew from process", "", ""],
            ["2 - Process put on hold", "", ""],
            ["3 - Application refused", "", ""],
        ],
    };
}
