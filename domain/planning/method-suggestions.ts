/**
 * Ideas for reaching the groups a host chose on the "Who should be involved?" step. Seed 002's
 * "Creative" and "Flexible" principles: use techniques suited to each group, go to where people
 * are, and take advice from those who know the groups best.
 */
const SUGGESTIONS: Readonly<Record<string, string>> = {
  age: 'Older people: visit lunch clubs and pensioners\u2019 forums, and offer phone conversations as well as online ones.',
  disability:
    'Disabled people: ask about access needs up front, use accessible venues, and offer easy read, large print or a BSL interpreter.',
  'gender-reassignment': 'Trans people: work with LGBT+ community groups and offer anonymous ways to take part.',
  'sexual-orientation':
    'Lesbian, gay and bisexual people: work with LGBT+ community groups and offer anonymous ways to take part.',
  'pregnancy-maternity':
    'Pregnant women and new parents: go to baby groups and family hubs, and make it fine to bring a baby along.',
  race: 'Ethnic minority communities: work with community associations and community health champions, and offer interpreters.',
  'religion-belief':
    'Faith communities: meet at places of worship or faith groups, and avoid religious festivals and prayer times.',
  sex: 'Men and women: check who you are not hearing from. Men are often under-represented; try workplaces, sports clubs or men\u2019s sheds.',
  'marriage-civil-partnership':
    'Couples and families: offer times and places where partners can come together if they wish.',
  carers:
    'Carers: meet at carers\u2019 hubs, offer to pay for replacement care, and pick times that fit around caring.',
  'learning-disability':
    'People with a learning disability: use easy read, allow extra time, welcome supporters, and work with self-advocacy groups.',
  'mental-health':
    'People with mental health needs: small groups, regular breaks, a named contact, and time to talk afterwards.',
  language:
    'People who speak little English: use interpreters and translated information, and work with community groups who speak their language.',
  refugees:
    'Refugees and migrants: work through trusted community organisations and advice services; explain that taking part will not affect their care.',
  homeless: 'People experiencing homelessness: go to day centres and drop-ins; do not rely on email or post.',
  'low-income': 'People on low incomes: pay expenses on the day where you can, meet locally and provide refreshments.',
  travellers: 'Gypsy, Roma and Traveller communities: work with trusted liaison workers and go to sites in person.',
  'young-people': 'Children and young people: youth groups, schools and colleges, short online polls and social media.',
  justice: 'People in contact with the justice system: work with probation, advocacy and peer-support organisations.',
  veterans: 'Veterans: work with armed forces charities and breakfast clubs.',
};

export function suggestionsFor(groups: readonly string[]): string[] {
  return groups.flatMap((group) => (SUGGESTIONS[group] ? [SUGGESTIONS[group]] : []));
}
