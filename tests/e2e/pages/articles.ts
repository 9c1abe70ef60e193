/**
 * Articles written for the end-to-end tests: invented local stories, unrelated to the seed
 * corpus (which is about Russia, North Korea and Ukraine), so any match on them is the
 * extension's doing, not a shared topic.
 */

export const GARDEN_ARTICLE = {
  headline: 'Allotment society turns disused rail yard into a community orchard',
  byline: 'Maren Holt',
  publishedAt: '2025-03-14T08:30:00Z',
  paragraphs: [
    'Volunteers from the Eastfield Allotment Society spent the weekend planting more than two hundred fruit trees on the old goods yard beside the river, a site that has stood empty since the last freight sidings closed in the nineteen nineties.',
    'The society leased the three-acre plot from the county for a nominal sum after a two-year campaign. Its chair, a retired science teacher, said the group had raised the money for the trees through plant sales, a sponsored walk and a steady stream of small donations from neighbours.',
    'Most of the new trees are apples and pears grafted onto hardy rootstock, chosen because the yard sits in a frost pocket. A row of plums and damsons runs along the southern fence, where the brick wall of the former engine shed holds the warmth of the afternoon sun.',
    'Before anything could be planted, contractors removed several tonnes of ballast and tested the ground for oil and heavy metals. The worst patches were capped with clay and covered with imported topsoil, and the orchard was laid out so that no tree roots reach the old inspection pits.',
    'Families who live in the terraces along Canal Street will be able to pick fruit for free once the trees begin to crop, probably in three or four summers. Until then the society plans to sow wildflowers between the rows and to keep bees in two hives donated by a beekeeper from the next valley.',
    'The local primary school has adopted one corner of the orchard, where each class will look after a tree and record when it blossoms. Teachers hope the records, kept over many years, will show pupils how the timing of spring is changing in their own town.',
    'Not everyone welcomed the plan. A developer had once proposed flats on the site, and some residents argued that housing was a more urgent need. The council has promised that the lease includes a clause allowing the land to be reviewed after fifteen years.',
    'For now the society is asking for help with watering through the first dry season. Volunteers meet at the gate on Saturday mornings, and the group says no experience is needed, only boots and a willingness to carry cans.',
  ],
};

export const FERRY_ARTICLE = {
  headline: 'Island ferry returns to service after eight-month engine refit',
  byline: 'Tomasz Reilly',
  publishedAt: '2025-05-02T06:00:00Z',
  paragraphs: [
    'The passenger ferry that links the harbour town with the three outer islands sailed again on Thursday morning, ending eight months in which islanders depended on a smaller relief boat that could not carry vehicles or run in heavy swell.',
    'The vessel, launched in the early two thousands, was taken out of service last autumn when engineers found cracks in the housing of its port engine. The operator decided to replace both engines with a hybrid system that runs on batteries inside the harbour and on diesel in open water.',
    'Shipyard workers fitted the new engines, a battery room below the car deck and a charging connection that plugs into a shore cable at the pier. The operator says the changes should cut the fuel used on each crossing by about a third and make the harbour noticeably quieter at night.',
    'Islanders had complained throughout the winter that the relief boat was cancelled too often. On the most exposed route, nearly one sailing in five did not run in January, leaving some residents unable to reach hospital appointments on the mainland.',
    'The owner of the only shop on the largest island said deliveries of fresh food had arrived late or not at all for weeks at a time, and that she had driven her own van onto a fishing boat twice to collect stock. She said the return of the ferry felt like the end of a long siege.',
    'The refit ran two months over its original schedule because parts for the battery system were delayed at the manufacturer. The operator apologised for the disruption and said it would offer islanders reduced fares for the rest of the summer season.',
    'A second vessel of the same class is due for the same conversion next year. The operator has promised that the work will be split into two shorter periods over successive winters, so that the route is never again left without a car ferry for so long.',
  ],
};

/** Other paragraphs for a page that copies only part of an article. */
export const MARKET_PARAGRAPHS = [
  'Traders at the Saturday market say the wet spring has pushed up the price of early vegetables, with asparagus and new potatoes costing noticeably more than they did a year ago at the same stalls.',
  'One grower who has sold salad leaves at the market for two decades said her polytunnels flooded twice in April and that she lost almost a month of seedlings. She has raised her prices slightly but says regular customers have been understanding.',
  'The market manager said footfall had held up despite the weather, helped by a new covered area near the fountain where food stalls now trade from under a canvas roof during heavy showers.',
  'Several traders said they would like the council to extend the market into Sunday during the summer months, arguing that visitors arriving for the weekend festivals often find the square empty.',
  'The council said it would consider a trial of Sunday trading in August, subject to the agreement of the residents who live above the shops around the square.',
];
