/**
 * The 2019 network meeting (Citygroup, 3 September 2019; /work/shared/seeds/000_…txt) as data: six regional rooms,
 * the towns their participants came from (as the seed's contents lists them; a town listed twice is one town),
 * how many came, and every note under its question (1–5), TIPS and the seed's headings (ÖNSKEMÅL, FÖRBÄTTRINGAR,
 * UTMANINGAR, MÖJLIGHETER) as categories. Dalarna/Gävleborg told town by town how the collaboration works: those
 * notes are question 1's. A note longer than a note may be (200 characters) keeps its rest as details.
 */
export interface SeedNote {
  text: string;
  details?: string;
  tips?: boolean;
  category?: string;
}

export interface SeedRoom {
  region: string;
  town: string;
  participants: number;
  towns: string[];
  /** Notes per question, 1 to 5 (5: suggestions for the next theme). */
  questions: SeedNote[][];
}

export const SEED_2019: SeedRoom[] = [
  {
    region: 'Norr',
    town: 'Umeå',
    participants: 24,
    towns: ['Sundsvall', 'Östersund', 'Luleå', 'Örnsköldsvik', 'Piteå', 'Kramfors', 'Umeå', 'Sollefteå', 'Skellefteå', 'Vännäs', 'Vindeln', 'Bjurholm'],
    questions: [
      [
        { text: 'På mindre orter är fastighetsägarna ofta passiva och kommunen har historiskt sett gjort lite.' },
        { text: 'Kommunen undersöker nu vad man kan göra för att få ihop en samverkan' },
        { text: 'Många butiksägare är i pensionsåldern, särskilt på minder orter' },
        { text: 'Kommunen jobbar konsekvent med framtidsplanering' },
        { text: 'På många ställen tittar man nu på att destinationsbolaget och näringslivsbolaget ska gå ihop och bli ett helägt kommunalt bolag' },
        { text: 'I Västerbotten finns en trötthet i mindre kommuner, hoppas dom statliga pengarna som avsatts används på rätt sätt' },
        {
          text: 'Att det finns en person i kommunen som är specialist på stadsutveckling och som kan underlätta ”vägen in” då kommunen är en komplex organisation där stadsutvecklingen berör många olika förvaltningar',
          details: 'och områden. Problem att hitta rätt kontaktperson på kommunen.',
          tips: true,
        },
      ],
      [
        { text: 'Skapa dialog så alla känner att de får vara tidigare i utvecklingsplanerna' },
        { text: 'Det behövs en samordnande roll med mandat som kan ta frågor med olika delar av kommunen' },
        { text: 'Kommunen måste bli modigare i att ta beslut, våga testa och göra annorlunda' },
        {
          text: 'En uttalad roll med ansvar och mandat och som är mottagare på kommunen är bra för att skapa kontinuitet, även när någon slutar etc, så att ansvaret förs vidare inom kommunen',
        },
        { text: 'Rollerna och mottagare på kommunen ändras ofta, id går åt att skapa nya relationer och ansvarsfördelning med kommunen' },
        {
          text: 'Ta med så många som möjligt på konferenser och studieresor, så att fler får samma intryck, inspiration och goda idéer som man kan ta med sig hem',
          tips: true,
        },
      ],
      [
        { text: 'Kommunen och näringslivet pratar inte samma språk. Det behövs en bättre kommunikation när det skall byggas om eller nytt' },
        {
          text: 'Besöka/bjuda in partigrupper för att informera om vikten av att arbeta med stadskärnan. Fredagsmail till kommunen om vad vi gör. Samverkan och dialog mellan olika aktörer.',
          tips: true,
        },
      ],
      [
        { text: 'Kommunen bör bli bättre på att kommunicera om pågående/planerade byggprojekt' },
        {
          text: 'Resan mot Årets stadskärna, något att samlas kring. Bygga ett team med rätt mix och ett starkt mandat. Berömma tjänstemän! Feed back-frukost (Skellefteå exempel), ett flak Öl (Östersund exempel)',
          tips: true,
        },
        { text: 'Mötesdatum för KF (Kommunfullmäkte) & KS (Kommunstyrelsen) på anslagstavlan', tips: true },
        { text: 'Utbildning i kommunpolitik (något för Svenska Stadskärnor att ta fram?)', tips: true },
      ],
      [
        { text: 'Vem skall marknadsföra staden? Stadens varumärke' },
        { text: 'Tillståndsärenden, upplåtande mm' },
        {
          text: 'Besöksnäring (turism) får för stort utrymme i stadsutvecklingen.',
          details:
            'Invånarperspektivet som står för den största omsättningen i staden, hamnar ofta i skymundan Båda är viktiga men det är allt för ofta en ojämvikt',
        },
        { text: 'Finansiering = kreativ finansiering' },
      ],
    ],
  },
  {
    region: 'Värmland/Dalsland',
    town: 'Arvika',
    participants: 11,
    towns: ['Torsby', 'Karlstad', 'Åmål', 'Säffle', 'Karlstad', 'Degerfors', 'Arvika', 'Malmö'],
    questions: [
      [
        { text: 'I Karlskoga har man bildat ett AB med olika delägare' },
        { text: 'Industrin har också bildat en egen förening med de 10 största företagen på orten, nu lyssnar kommunen mer på dem' },
        { text: 'Finns en överetablering av caféer och restauranger' },
        {
          text: 'Ständig omorganisation, vilket resulterat i att man lagt ner Näringslivsbolaget, vilket försvårar bl a att göra omcertifiering av Purple Flag',
        },
        {
          text: 'Åmål har satsat på långsiktighet och fokuserat på arbetsgrupper. Om kommunen kommer med för långsiktiga planer tar det död på engagemanget. T ex att få med bankerna.',
          details: 'Här har kommunen en viktig roll med att förbereda bankerna innan de får medverka på möten med grupperna.',
        },
        { text: 'Viktigt att arbeta effektivt mellan kommunen och handelsgrupperna samt att kommunen går i täten för att förankra frågor' },
        {
          text: 'Att kunna skapa engagemang hänger mycket på att kommunen visar sitt engagemang. Finns olika potter av pengar att söka från idé till genomförandet av olika arrangemang.',
        },
        { text: 'Viktigt att våra frågor kommer upp på en ny nivå (har en ny kommunchef som bygger en ny organisation)' },
        {
          text: 'T ex i Åmål har kommunen anställt en person på lönebidrag. Personens arbetsuppgifter är att ordna alla praktiska frågor vid alla arrangemang.',
          tips: true,
        },
      ],
      [
        {
          text: 'Bra att skriva långa avtal som sträcker sig över de politiska valperioderna. Ofta skrivs tillsvidareavtal eller 3-årsavtal med intention till förlängning.',
          details:
            'Finns då ofta med en indexuppräkning av kommunens ekonomiska bidrag. Även om det finns 1-års avtal så är det enkelt att säga upp. I t ex Degerfors delar kommunen och centrumföreningen kostnaden för en entreprenörsutvecklare.',
        },
        {
          text: 'Bra att skriva med i avtalet vilket mandat som centrumledaren har. Även viktigt att precisera vad kommunen förväntar sig att få för sina pengar samt vilka mål man har.',
          details:
            'Den strategiska rollen prioriteras ofta bort till fördel för eventrollen. Torsby arbetar ungefär som Åmål d v s med många mindre grupper som är involverade i de olika arrangemangen.',
        },
        {
          text: 'Viktigt att tänka på att lyfta och ge äran åt alla involverade, såsom t ex handlarna vid Torsbykalaset. Bra att kommunen är startmotorn och kan kicka igång samarbete/aktiviteter.',
          tips: true,
        },
        { text: 'Göra en analys t ex en handelsanalys, som visar en tydlig bild om vad som händer för politikerna så att de får en tydlig', tips: true },
      ],
      [
        {
          text: 'Det kan vara tuffare att driva butik i en mindre ort då förväntan på service är mycket större (t ex att man kontaktar ägaren till butiken och förväntar sig hjälp om man t ex köpt en teknisk sak som',
          details: 'man behöver hjälp att ställa in eller installera)',
        },
        {
          text: 'Det är inte bara platserna som ska marknadsföras utan även utbudet, t ex göra en inventering över antalet tjänster som finns och sammanställa dessa. Får då en gemensam blick över det totala utbudet.',
          details: 'I Degerfors skickar entreprenörsutvecklaren sina mötes- anteckningar till politikerna.',
        },
        { text: 'Handelns förändring, (behöver finnas både fysiskt och digitalt) Några exempel:' },
        { text: 'butiken ”Systrarna” i Torsby där man lägger upp attraktiva erbjudande på sociala medier' },
        {
          text: 'blomsteraffär där man skapar mervärde för kunden genom att spela in en film där buketten som man binder till kunden görs och skickar med filmen till kunden.',
        },
        {
          text: 'Att minst en gång per år presentera för politikerna vad man gör. Viktigt att få dela med sig av sin årsberättelse samt att invånarna får info om vad som görs.',
          details:
            'Ett exempel från Arvika; man träffas varannan vecka och får då ta del av info om allt som är aktuellt i kommunen. Medverkande personer i Lotsen kommer från kultur, turism, näringsliv samt biträdande kommundirektör.',
          tips: true,
        },
        { text: 'Att få fastighetsägare att börja tänka på social hållbarhet samt att börja arbeta med stadsutveckling.', tips: true },
        { text: 'Viktigt att butikerna talar väl om varandra samt viktigt att veta vad andra butiker erbjuder.', tips: true },
      ],
      [
        {
          text: 'Viktigt att vara uppdaterad med saklig info att framföra till kommunstyrelsen. Lägg in i avtalet med kommunen att man en gång per år ska få delta med en presentation i kommunstyrelsen.',
          details:
            'Då är det utmärkt att ha med mätbara underlag som tex Cityindex (Fastighetsägarna + HUI) som mäter omsättningen i ett visst område över tid.',
        },
      ],
      [{ text: 'Centrum-, plats- och destinationsutveckling blir en del av övrig näringslivsutveckling' }, { text: 'Individuell coaching' }],
    ],
  },
  {
    region: 'Dalarna/Gävleborg',
    town: 'Söderhamn',
    participants: 11,
    towns: ['Bollnäs', 'Ludvika', 'Västerås', 'Ljusdal', 'Söderhamn', 'Hudiksvall', 'Falun', 'Tierp'],
    questions: [
      [
        {
          text: 'I centrumorganisationen sitter representanter från kommunen, stora och små företag och man får årligen 500 000 kr att bedriva sin verksamhet',
        },
        { text: 'Mer omvärldsbevakning och utbildning behövs' },
        { text: 'Centrumorganisationen bjuder in politiker, tjänstemän och fastighetsägare 4-5 gånger/år' },
        { text: 'Ett politiskt beslut att investera 24-25 miljoner kronor för att utveckla centrum' },
        { text: 'Kommunen måste samverka mer, mindre stuprörsbeteende och mer samverkan behövs' },
        { text: 'Etableringsstrategi behövs, likaså viktigt att få med fastighetsägarna, som gärna vill att kommunen ska gör allt' },
        { text: 'Fastighetsforum saknas' },
        { text: 'Samarbetet med Plan och Bygg fungerar bra' },
        {
          text: 'Kommunen bygger nytt Trygghetsboende tillsammans med privat aktör. Man upplever att Länsstyrelsen sätter käppar i hjulet ibland, detta p g a att de måste följa regelverket',
        },
        { text: 'Att bilda en driftsorganisation och strategiskt dokument för plats- och centrumutveckling', category: 'Önskemål' },
        { text: 'Fler stora företag behövs', category: 'Önskemål' },
        { text: 'Ändra struktur och få in mer långsiktiga pengar', category: 'Önskemål' },
        { text: 'Platsutvecklingsförening önskas.', category: 'Önskemål' },
        { text: 'Jobbar efter långsiktiga mål' },
        { text: 'Man har nya fastighetsägare som satsar' },
        { text: 'En del restauranger och butiker har stängt' },
        { text: 'Yngre generationen tror på Ludvika' },
        { text: 'Hopplös, obefintligt samarbete med kommunen' },
        {
          text: 'Centrumföreningen är nerlagd, istället har en ny förening bildats i kommunens regi där man avsätter 180 000 kr till evenemang.',
          details: 'Ingen är anställd i den nya föreningen, men det finns en grupp som löser saker fort',
        },
        { text: 'Centrumdöd, handeln är svag, de måste ta sitt ansvar' },
        { text: 'Det finns ca 14-15 fastighetsägare, samarbetet med dem börjar bli bättre' },
        { text: 'Etableringsstrategi saknas, men man jobbar på att få in fler etablerare' },
        {
          text: 'Centrumorganisationen drivs som en ekonomisk förening, man får 350 000 kr från kommunen, men inget skrivet avtal finns.',
          details: 'Inom organisationen finns bra kompetens men den behöver höjas så att fler förstår vikten av stadsutvecklingsfrågorna',
        },
        { text: 'Vid större evenemang bidrar kommunen med mer pengar' },
        { text: 'Kommunen har gett centrumorganisationen i uppdrag att ta fram en handelststrategi, som ännu inte är antagen' },
        { text: 'Bra kontakt med tjänstemännen inom kommunen, men mindre bra kontakt med politiker, då de byts ut' },
        { text: 'Gemensam vision och struktur saknas, kommunikationen mellan kommunen och fastighetsägarna fungerar inte så bra' },
        { text: 'Det behövs en etableringsstrategi där politiken är överens' },
        { text: 'Vårt ansvar är att skapa förståelse hur fastighetsägarna ska tänka' },
        { text: 'Krögarna träffas och handelsrådet träffas 4-5 gånger per år' },
        { text: 'Det finns ett Medborarråd' },
        { text: 'Viktigt med omvärldsbevakning och att vara påläst när man träffar politiker' },
        { text: 'Man kommer att installera besöksräknare, ett arbetsverktyg för att förstå hur man kan öka flödet i centrum' },
        { text: 'Samarbetet med tjänstemännen fungerar bra, men inte med politiker' },
        { text: 'Man drar in på allt. Tidigare fick centrumföreningen 600 000 kr idag har man endast avsatt 250 000 kr till 100-årsjubileum' },
        { text: 'Näringslivet är ingen prioriteringsfråga' },
        { text: 'Det finns inga nätverk, inte ens med fastighetsägare' },
        {
          text: 'Centrumföreningen drivs som en ekonomisk förening med representanter från kultur, handel och tjänstemän. Olika avtal finns. Finansiering är 50% från kommun och 50% från privata aktörer.',
        },
        {
          text: 'Centrumföreningen är svag – endast fem privata butiker finns, övriga tillhör kedjor och de har inget intresse av hur det går i övrigt för kommunen. Detta vill man ändra på.',
        },
        { text: 'Kommunfullmäktige har tagit beslut om att ta fram en strategi med fyra fokusområden. 250 000 kr är avsatt för detta' },
        { text: 'Tre fastighetsägare har anställt en person som styr upp arbetet kring frågor som rör företag och industrin' },
        { text: 'Handlare och restauranger får själva bekosta belysning' },
        {
          text: 'Centrumföreningen drivs som en ekonomisk förening med en anställd person. Inga pengar eller avtal finns. Det finns bra kontakter men ekonomiska medel behövs.',
        },
        { text: 'Kommunen saknar ledig mark och lokaler' },
        { text: 'Det finns en bra mix av handel i city' },
        { text: 'Bättre uppstyrning behövs för att t ex arrangera fler aktiviteter i centrum, minst en aktivitet varje månad' },
      ],
      [],
      [],
      [],
      [{ text: 'Trygghet' }, { text: 'Ekonomi' }, { text: 'Etableringar' }, { text: 'Kommunikation' }],
    ],
  },
  {
    region: 'Stockholm/Mälardalen',
    town: 'Katrineholm',
    participants: 7,
    towns: ['Södertälje', 'Stockholm', 'Ingarö', 'Askersund', 'Strängnäs', 'Katrineholm'],
    questions: [
      [
        { text: 'Kommunen glömmer viss information som vi får läsa i tidningen' },
        { text: 'Bra dialog med kommunen. Höga ambitioner från politiken …' },
        { text: 'Information i alla led' },
        { text: 'Det byggs för fullt' },
        { text: 'Remissinstanser' },
        { text: 'Arbetsgrupp med projektledning' },
        { text: 'Viljan finns' },
        {
          text: 'Långsiktighet är jätteviktigt! Nya personer måste informeras och vara på tårna. Det får inte vara personstyrda kontakter för då kan det lätt rasa vid nyrekryteringar.',
        },
        { text: 'Aktiva i den fysiska miljön' },
        { text: 'Kameraövervakning' },
        { text: 'Lyhörda' },
        { text: 'Det mesta fungerar bra och de flesta upplever att de har goda relationer med kommunen' },
        { text: 'Det som kan förbättras är i vissa kommuner att säkerställa kommunikationsvägarna så att all information kommer fram till berörda' },
      ],
      [
        { text: 'Ett fastighetsägarforum för bättre dialog vid etableringar och nedläggningar' },
        { text: 'Tydlighet, längre avtal' },
        { text: 'Kvalitetssäkra alla parters delaktighet, bra kultur, goda relationer' },
        { text: 'Intresse och engagemang politiskt är framgångsfaktorer' },
      ],
      [
        { text: 'Kommunen köpte själva upp en galleria för att rädda handeln – fantastisk omtanke om stadskärnan!' },
        { text: 'Kommunen kommer kanske att bli tvungna att vara mer aktiva som fastighetsägare i mindre orter' },
      ],
      [{ text: 'Kommunen kan vara mer aktiv som fastighetsägare i mindre orter' }, { text: 'Remissinstanser/bollplank' }],
      [
        { text: 'Trender' },
        { text: 'Strukturomvandlingen' },
        { text: 'Kunskap/utbildning' },
        { text: 'Handelsavtal/OB-tillägg' },
        { text: 'Förbud (ex tiggeriförbud, rökförbud mm. Hur hanteras det?)' },
        { text: 'Framtidens handel' },
      ],
    ],
  },
  {
    region: 'Väst',
    town: 'Skövde',
    participants: 15,
    towns: [
      'Kungsbacka',
      'Jönköping',
      'Skövde',
      'Ulricehamn',
      'Tidaholm',
      'Lidköping',
      'Tibro',
      'Skara',
      'Mölndal',
      'Mölnlycke',
      'Göteborgsregionen',
      'Lysekil',
      'Mariestad',
      'Vårgårda/Herrljunga',
    ],
    questions: [
      [
        {
          text: 'Det är olika strukturer på olika platser, men samarbetet är oftast bra. En del gamla strukturer hämmar dock engagemanget. Det är viktigt att ständigt arbeta med att utveckla organisationen.',
          details: 'Kommunen är inte alltid van vid att jobba med både hårda och mjuka frågor samtidigt.',
        },
        {
          text: 'Alla har nära relation med kommunen. Viktigt att ha bra kontakt med politiken och KSO, som i sin tur lotsar vidare till nyttiga kontakter.',
          details:
            'Ibland kan det vara otydligt och känsligt att ha med kommunen som avsändare. Det är bra att ha ett projekt att jobba med tillsammans. Viktigt i en samverkansorganisation att kommunen är med i styrelse/styrgrupp.',
        },
        {
          text: 'Fordras prestigelöshet. Kommunen består av två delar – tjänstemän och politiker. De är inte alltid på samma linje. En fara är att det är mycket personberoende.',
          details:
            'Kommunen måste gå före och därefter kan näringslivet hänga på. Eldsjälarna måste släppas in, de kan vara besvärliga men ändå vara avgörande för att det händer saker.',
        },
      ],
      [
        {
          text: 'Ett förtydligande mellan kravställare och uppdragsbeskrivning i förhållande till den peng som satsas. Viktigt att berömma, lyssna, att det är många bärare av en vision.',
          details: 'En positiv spiral, så att många förstår att stadskärnan är viktig för hela kommunen.',
        },
        {
          text: 'Det gäller att förstå värdet av stadsutveckling.Visionsbild är det roligaste, viktigaste och svåraste. Får inte förtunnas. Måste vara unik och ange färdriktning.',
        },
        { text: 'Projekt är bra, men måste på något sätt permanentas. Sätt mål som kan mätas. Mer dialog och att kommunen är med i styrelsen.' },
        {
          text: 'Många samhällsproblem är länkade till stadskärnan. För att lyckas med integration, brottslighet, trygghet etc måste man börja med stadskärnan och se helheten. Stadsarkitekter är ofta nyckelspelare.',
        },
      ],
      [
        { text: 'Att nå ut till allmänheten om vår utveckling' },
        { text: 'Att ta tillvara på den kraft som finns hos alla som älskar sin plats' },
        { text: 'Politikens korta cykler, idéer måste säljas in på nytt för att säkra finansiering' },
        { text: 'Att underlätta för entreprenörer att få testa sina idéer, att fastighetsägare och kommuner är öppna och vill hjälpa till' },
        { text: 'Att våga släppa på handelsfokus och titta på andra näringar' },
        { text: 'Att arbeta med attitydförändringar för att få med kommun, medborgare på förändringar' },
        { text: 'Vi har stora, breda uppdrag. Det gäller att förtydliga vad uppdraget innebär' },
        { text: 'Processerna är ofta personberoende' },
        { text: 'Möjligheter: Alla älskar sin plats! Utveckla den plats som alla vill ha' },
        { text: 'Utmaning: Politikers korta cykler betyder att man måste sälja in idéer till nya människor' },
        { text: 'Tillgång till finansiering' },
        { text: 'När det gäller alkoholtillstånd är det viktigt att skapa förståelse hos tillståndsgivaren att det måste vara enkelt för entreprenören' },
      ],
      [
        { text: 'Ge inte upp' },
        { text: 'Våga ännu mer, ta plats' },
        { text: 'Att vi utbyter tankar och idéer centrumutvecklare emellan' },
        { text: 'Ta vara på varandra, kom på studiebesök hos varandra' },
        { text: 'Utnyttja Centrumutvecklarnas slutna FB-sida som är ett levande och nyttigt forum' },
      ],
      [
        { text: 'Fysisk stadsmiljö – hur går man från vision till verklighet?' },
        { text: 'Etableringsstrategi – hur jobbar man konkret med detta?' },
        { text: 'Finansiering' },
        { text: 'Organisation' },
      ],
    ],
  },
  {
    region: 'Syd',
    town: 'Kristianstad',
    participants: 18,
    towns: ['Kristianstad', 'Karlskrona', 'Osby', 'Eslöv', 'Malmö', 'Helsingborg', 'Hässleholm', 'Lomma', 'Älmhult', 'Oskarshamn', 'Kalmar'],
    questions: [
      [
        { text: 'Karlskrona jobbar med fyra förvaltningar. Som organisation kan det förbättras' },
        { text: 'Sölvesborg: sponsring (kolla med omsorg och Unga Företagare, vid engagemang för pop-up-butiker).' },
        {
          text: '3-partssamarbete fungerar, samverkan i alla kommuner med alla avdelningar på kommunen T ex kultur, fritid, samhällsbyggnad, besöksnäring, miljö, mm (fungerar bra i Sölvesborg)',
        },
        {
          text: 'Alla drar ej åt samma håll, där finns en otydlighet från alla aktörer, vad man vill och ska göra.Vision och målbild saknas.',
          details:
            'Dialogen mellan kommun och centrumförening finns, men man har ej jobbat tillsammans med fastighetsägarna i den utsträckning man borde i ett tidigt skede. Politisk turbulens påverkar arbetet.',
        },
        {
          text: 'Citysamverkan, 3-part med en stark styrelse varav tre kommer från kommunen. Det finns en ”stadskärnegrupp” där operativa tjänstemän från förvaltningarna ingår.',
          details: 'Detta för att samla allt som sker/behöver ske och därmed komma från ”stuprörstänket”, även destinationsbolaget ingår.',
        },
        { text: 'Alla är inte med, plan saknas. Stuprör, inget engagemang, stora egon i beslutande roller' },
        { text: 'Helsingborgs stad har veckomöte med citysamverkan med mandat att föra frågor vidare till övriga tjänstemän' },
        { text: 'Älmhult har centrumgrupp och styrelse' },
        {
          text: 'Bättre samarbete och samsyn krävs för ökad förståelse, våga avveckla grupper alternativt omforma dem/tvärorganisera',
          category: 'Förbättringar',
        },
        { text: 'Tydligare rollfördelning och mandat', category: 'Förbättringar' },
        { text: 'Få med fler förvaltningar från kommunen, t ex skola/omsorg', category: 'Förbättringar' },
        { text: 'En kommunikationsstrategi behövs, när, vem och hur kommmunicerar vi?', category: 'Förbättringar' },
        {
          text: 'Förbättra informationen och kommunikationen från kommunen, ofta går det via media först. Leva i symbios kring informationen som kommer ut',
          category: 'Förbättringar',
        },
        {
          text: 'Lyfta fram viktiga handlare och krögare för staden, då staden inte bara är en arbetsplats utan även en mötesplats',
          category: 'Förbättringar',
        },
        { text: 'Politiker och högre tjänstemän ska ut i verkligheten', category: 'Förbättringar' },
        { text: 'Det finns en friktion mellan gestaltning och drift samt design och funktion', category: 'Förbättringar' },
        {
          text: 'Att ha en person inom kommunen som samordnar/ansvarar för stadskärneutvecklingen, finns delvis i vissa kommuner men ej uttalat och permanent',
          category: 'Förbättringar',
        },
      ],
      [
        { text: 'Tydliga gemensamma mål samt uppföljning och utvärdering av aktiviteter och insatser' },
        { text: 'Skapa en gemensam handlingsplan' },
        { text: 'Expertkompetens när det behövs påtryckningar' },
        { text: 'Få med de ungas perspektiv' },
        { text: 'Purple Flag-modell med tydlig handlingsplan och bättre relationer' },
        { text: 'Bättre dialog mellan fastighetsägare ohc näringsliv' },
        { text: 'Någon måste ”äga” projektet hos kommunen t ex Tillväxtavd' },
        { text: 'Skapa intern arbetsgrupp i kommunen med inslag av externa personer' },
        { text: 'Aktörer med tydliga ansvarsroller kopplat till stadens vision och centrumutveckling, där t ex följande bör ingå är t ex:' },
        { text: 'Politiker' },
        { text: 'Tjänstemän från miljö- och stadsbyggnad' },
        { text: 'Tillväxt/Näringslivsavdelning' },
        { text: 'Kultur och Fritid' },
        { text: 'Centrumförening' },
        { text: 'Föreningsliv' },
        { text: 'Skola' },
        { text: 'Kyrka' },
        { text: 'Media' },
        { text: 'Polis' },
        { text: 'Handlare' },
        { text: 'Fastighetsägare' },
        { text: 'Krögare/Hotell/Service' },
        { text: 'Besöksnäring' },
        {
          text: 'Ansvarsfördelning och finansiering: ekonomisk fördelning 50% vardera kommun, fastighetsägare och via medlemsbidrag för utveckling och marknadsföring från butiksledet.',
        },
      ],
      [
        { text: 'Hitta nya arbetssätt, kreativa verksamheter och upplevelser' },
        { text: 'Tänka långsiktigt och lokalanpassa verksamheten' },
        { text: 'Tydlig organisation och tydligt ledarskap, lita på processen' },
        { text: 'Våga ta beslut och stå för dem' },
        { text: 'Vi måste tala samma språk, sätta tydliga, gemensamma och mätbara mål' },
        { text: 'Alla måste ta ansvar för att skapa relationer och marknadsföra sig' },
        { text: 'Ha en budget för verksamhet – inte bara tjänst för att utveckla staden' },
        { text: 'e-handel och omställningen i handeln', category: 'Utmaningar' },
        { text: 'Media – hur pratas det om staden?', category: 'Utmaningar' },
        { text: 'Fler strukturerade verktyg/modeller, t ex Purple Flag och BID', category: 'Möjligheter' },
        { text: 'Mer samverkan', category: 'Möjligheter' },
      ],
      [
        { text: 'Fortsätta verka för stadens utvecklingsarbete' },
        { text: 'Studieresor för inspiration och goda exempel' },
        { text: 'Trendspaning' },
        { text: 'Fler nya utbildningar' },
        { text: 'Samlingssida/plattform för rapporter, omvärldsanalyser' },
        { text: 'Siffror för våra platser – hur mycker är stadskärnan värd?' },
        { text: 'Mer erfarnhetsutbyte gärna i form av speedajting centrumutvecklare emellan' },
        { text: 'Paketera erfarenheter i olika tema och skapa olika föreläsningar' },
        { text: 'Svensk Handel ska ha en dragning för chefsgruppen på SBF' },
      ],
      [
        { text: 'Event och upplevelser i staden' },
        { text: 'Trendspaning' },
        { text: 'Den perfekta staden/samarbetsorganisation – goda exempel' },
        { text: 'Ledarskap och teambildning' },
        { text: 'Hur ser framtidens stadskärneutvecking ut?' },
        { text: 'Hur ser den ultimata organisationen ut? – Hur når vi dit?' },
        { text: 'Låt Marlene Hassel med sin kunskap och erfarenhet föreläsa mer för oss och göra studieresor' },
      ],
    ],
  },
];
