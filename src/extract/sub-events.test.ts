// ACLED's 25 sub-event types, each read from at least five news-style sentences of our own: the whole
// extractor runs on each, and the row says exactly what the one event must be — type, sub-type, both
// actors (null where the text names none), place as written and as resolved, country, date and its
// precision, fatalities and injured — and every field's evidence must be a slice of the sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, MarsadDocument } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';
import { SUB_EVENT_TYPES } from './ontology.js';

interface Row {
  pub: string;
  text: string;
  eventType: string;
  subEventType: string;
  actor1: string | null;
  actor2: string | null;
  /** The place as the sentence writes it (the location evidence). */
  placeAr: string;
  place: string;
  country: string;
  date: string;
  precision: 1 | 2 | 3;
  fatalities: number | null;
  injured: number | null;
}

type Draft = Omit<Row, 'eventType'>;
const r = (
  pub: string, text: string, subEventType: string, actor1: string | null, actor2: string | null,
  placeAr: string, place: string, country: string, date: string, precision: 1 | 2 | 3, fatalities: number | null, injured: number | null,
): Draft => ({ pub, text, subEventType, actor1, actor2, placeAr, place, country, date, precision, fatalities, injured });
const section = (eventType: string, rows: Draft[]): Row[] => rows.map((x) => ({ ...x, eventType }));

// An event with no date expression takes the publication day at precision 2; fatalities are 0 where no
// death is reported (ACLED), injured null.
const rows: Row[] = [
  ...section('Battles', [
    // Armed clash
    // a place named as a distance reference ("على بعد 6 كلم من مقاطعة سيغو") gives way to the place itself; quoted names keep their cue word
    r('2019-05-12', 'وقعت وحدة من الجيش المالي في كمين نصبه مسلحون على طريق ”ديابالي- نامبالا“ على بعد 6 كلم من مقاطعة ”سيغو“ أمس.', 'Armed clash', 'Unidentified Armed Group (Mali)', 'Military Forces of Mali (2021-)', 'ديابالي', 'Diabaly', 'Mali', '2019-05-11', 1, 0, null),
    r('2024-03-14', 'اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة الفاشر أمس، ما أسفر عن مقتل 12 شخصا.', 'Armed clash', 'Military Forces of Sudan (2019-)', 'Rapid Support Forces', 'الفاشر', 'El Fasher', 'Sudan', '2024-03-13', 1, 12, null),
    r('2023-08-30', 'اشتبكت قوات سوريا الديمقراطية مع مسلحين من العشائر في بلدة ذيبان بريف دير الزور اليوم.', 'Armed clash', 'QSD: Syrian Democratic Forces', 'Unidentified Tribal Militia (Syria)', 'ذيبان', 'Dhiban', 'Syria', '2023-08-30', 1, 0, null),
    r('2022-11-03', 'دارت معارك بين الجيش الوطني الليبي ومسلحين من التبو في مدينة مرزق الأربعاء الماضي، وقتل فيها 4 مقاتلين.', 'Armed clash', 'Military Forces of Libya (2014-) Libyan National Army', 'Tebu Ethnic Militia (Libya)', 'مرزق', 'Murzuq', 'Libya', '2022-11-02', 1, 4, null),
    r('2021-05-10', 'هاجمت حركة الشباب المجاهدين قاعدة للجيش الصومالي في بلدة بلعد فجر اليوم، وقتل 7 جنود في المعارك.', 'Armed clash', 'Al Shabaab', 'Military Forces of Somalia (2022-)', 'بلعد', 'Balcad', 'Somalia', '2021-05-10', 1, 7, null),
    r('2019-08-08', 'يخوض الحوثيون معارك ضارية مع قوات الحزام الأمني في مدينة عدن منذ يومين.', 'Armed clash', 'Military Forces of Yemen (2017-) Houthi', 'Security Belt Forces', 'عدن', 'Aden', 'Yemen', '2019-08-06', 2, 0, null),
    r('2017-03-02', 'تبادلت قوات البيشمركة إطلاق النار مع مسلحي تنظيم داعش في قضاء مخمور أمس.', 'Armed clash', 'Military Forces of Iraq (2022-) Peshmerga', 'Islamic State (Iraq)', 'مخمور', 'Makhmur', 'Iraq', '2017-03-01', 1, 0, null),
    // an army communiqué's "elimination" of militants is a killing in combat
    r('2023-06-14', 'أعلنت وزارة الدفاع الجزائرية القضاء على ثلاثة إرهابيين خلال عملية تمشيط بولاية جيجل أمس.', 'Armed clash', 'Military Forces of Algeria (2019-)', 'Unidentified Armed Group (Algeria)', 'ولاية جيجل', 'Jijel', 'Algeria', '2023-06-13', 1, 3, null),
    // Government regains territory
    r('2016-02-10', 'استعاد الجيش العراقي السيطرة على مدينة الرمادي من تنظيم داعش اليوم.', 'Government regains territory', 'Military Forces of Iraq (2022-)', 'Islamic State (Iraq)', 'الرمادي', 'Ramadie', 'Iraq', '2016-02-10', 1, 0, null),
    r('2024-01-20', 'استعادت القوات المسلحة السودانية مدينة ود مدني من قوات الدعم السريع أمس.', 'Government regains territory', 'Military Forces of Sudan (2019-)', 'Rapid Support Forces', 'ود مدني', 'Wad Medani', 'Sudan', '2024-01-19', 1, 0, null),
    r('2016-03-28', 'حررت قوات النظام السوري مدينة تدمر من قبضة تنظيم الدولة الإسلامية يوم الأحد.', 'Government regains territory', 'Military Forces of Syria (2000-2024)', 'Islamic State (Syria)', 'تدمر', 'Tadmur', 'Syria', '2016-03-27', 1, 0, null),
    r('2017-07-10', 'تمكنت القوات العراقية من استعادة مدينة الموصل بالكامل من تنظيم داعش.', 'Government regains territory', 'Military Forces of Iraq (2022-)', 'Islamic State (Iraq)', 'الموصل', 'Mosul', 'Iraq', '2017-07-10', 2, 0, null),
    r('2016-06-26', 'حررت القوات العراقية مدينة الفلوجة من قبضة تنظيم داعش.', 'Government regains territory', 'Military Forces of Iraq (2022-)', 'Islamic State (Iraq)', 'الفلوجة', 'Al Fallujah', 'Iraq', '2016-06-26', 2, 0, null),
    r('2023-11-14', 'استعاد الجيش المالي السيطرة على مدينة كيدال اليوم.', 'Government regains territory', 'Military Forces of Mali (2021-)', null, 'كيدال', 'Kidal', 'Mali', '2023-11-14', 1, 0, null),
    // Non-state actor overtakes territory
    r('2023-11-05', 'سيطرت قوات الدعم السريع على مدينة الجنينة في ولاية غرب دارفور أمس.', 'Non-state actor overtakes territory', 'Rapid Support Forces', null, 'الجنينة', 'El Geneina', 'Sudan', '2023-11-04', 1, 0, null),
    r('2020-02-01', 'سيطرت هيئة تحرير الشام على مدينة سراقب بريف إدلب الشرقي.', 'Non-state actor overtakes territory', 'HTS: Hayat Tahrir al Sham', null, 'سراقب', 'Saraqib', 'Syria', '2020-02-01', 2, 0, null),
    r('2015-02-20', 'بسط تنظيم الدولة سيطرته على مدينة سرت الليبية.', 'Non-state actor overtakes territory', 'Islamic State (Libya)', null, 'سرت', 'Sirte', 'Libya', '2015-02-20', 2, 0, null),
    r('2012-04-06', 'سيطرت الحركة الوطنية لتحرير أزواد على مدينة تمبكتو شمال مالي.', 'Non-state actor overtakes territory', 'CMA: Coordination of Azawad Movements', null, 'تمبكتو', 'Timbuktu', 'Mali', '2012-04-06', 2, 0, null),
    r('2015-05-17', 'استولى تنظيم داعش على مدينة الرمادي بعد هجوم واسع.', 'Non-state actor overtakes territory', 'Islamic State (Iraq)', null, 'الرمادي', 'Ramadie', 'Iraq', '2015-05-17', 2, 0, null),
    r('2023-12-19', 'سيطرت قوات الدعم السريع على مدينة ود مدني أمس.', 'Non-state actor overtakes territory', 'Rapid Support Forces', null, 'ود مدني', 'Wad Medani', 'Sudan', '2023-12-18', 1, 0, null),
  ]),
  ...section('Explosions/Remote violence', [
    // Chemical weapon
    r('2017-04-05', 'قصفت قوات النظام بلدة خان شيخون بغاز السارين أمس، ما أدى إلى مقتل 70 مدنيا.', 'Chemical weapon', 'Military Forces of Syria (2000-2024)', 'Civilians (Syria)', 'خان شيخون', 'Khan Shaykhun', 'Syria', '2017-04-04', 1, 70, null),
    r('2014-04-12', 'ألقت مروحيات النظام براميل محملة بغاز الكلور على بلدة كفرزيتا بريف حماة.', 'Chemical weapon', 'Military Forces of Syria (2000-2024)', null, 'كفرزيتا', 'Kafr Zaytah', 'Syria', '2014-04-12', 2, 0, null),
    r('2016-04-22', 'قصفت قوات النظام حي الشيخ مقصود في حلب بقذائف تحمل غاز الكلور.', 'Chemical weapon', 'Military Forces of Syria (2000-2024)', null, 'حي الشيخ مقصود', 'Sheikh Maqsoud (Aleppo)', 'Syria', '2016-04-22', 2, 0, null),
    r('2016-08-02', 'ألقت مروحية براميل متفجرة محملة بغاز الكلور على مدينة سراقب.', 'Chemical weapon', 'Unidentified Armed Group (Syria)', null, 'سراقب', 'Saraqib', 'Syria', '2016-08-02', 2, 0, null),
    r('2018-04-08', 'قتل 40 شخصا في هجوم بغاز الكلور على مدينة دوما.', 'Chemical weapon', 'Unidentified Armed Group (Syria)', null, 'دوما', 'Douma', 'Syria', '2018-04-08', 2, 40, null),
    // Air/drone strike
    // the names after حي / أحياء are quarters: a namesake village elsewhere is not the place, the town is
    r('2024-02-11', 'شن الطيران الحربي غارات على حيي الشيخ سعيد والمشهد في مدينة حلب صباح اليوم.', 'Air/drone strike', 'Military Forces of Syria (2000-2024)', null, 'حلب', 'Aleppo', 'Syria', '2024-02-11', 1, 0, null),
    r('2024-02-11', 'شنت الطائرات الحربية غارة على حي الكاشف بمدينة درعا صباح اليوم، ما أدى إلى مقتل مدنيين اثنين.', 'Air/drone strike', 'Military Forces of Syria (2000-2024)', 'Civilians (Syria)', 'درعا', 'Dar a', 'Syria', '2024-02-11', 1, 2, null),
    r('2018-08-10', 'شن طيران التحالف العربي غارة على حافلة في مدينة ضحيان بمحافظة صعدة أمس، ما أسفر عن مقتل 40 طفلا.', 'Air/drone strike', 'Operation Restoring Hope', 'Civilians (Yemen)', 'ضحيان', 'Dahyan', 'Yemen', '2018-08-09', 1, 40, null),
    r('2024-05-20', 'قصفت طائرة مسيرة تابعة للجيش السوداني سوقا شعبيا في مدينة نيالا، ما أدى إلى مقتل 8 أشخاص.', 'Air/drone strike', 'Military Forces of Sudan (2019-)', null, 'نيالا', 'Nyala', 'Sudan', '2024-05-20', 2, 8, null),
    r('2024-10-02', 'استهدفت غارة إسرائيلية سيارة في مدينة صور جنوب لبنان اليوم، وقتل شخصان.', 'Air/drone strike', 'Military Forces of Israel (2022-)', null, 'صور', 'Tyre', 'Lebanon', '2024-10-02', 1, 2, null),
    r('2019-05-30', 'نفذت مقاتلات روسية غارات على بلدة كفرنبل بريف إدلب الجنوبي.', 'Air/drone strike', 'Military Forces of Russia (2000-)', null, 'كفرنبل', 'Kafr Nabl', 'Syria', '2019-05-30', 2, 0, null),
    r('2022-06-15', 'قصف الطيران التركي مواقع لحزب العمال الكردستاني في قضاء سنجار.', 'Air/drone strike', 'Military Forces of Turkey (2016-)', 'PKK: Kurdistan Workers Party', 'سنجار', 'Sinjar', 'Iraq', '2022-06-15', 2, 0, null),
    // Suicide bomb
    r('2021-01-21', 'فجر انتحاريان نفسيهما وسط سوق شعبي في ساحة الطيران ببغداد، ما أدى إلى مقتل 32 شخصا.', 'Suicide bomb', 'Unidentified Armed Group (Iraq)', null, 'بغداد', 'Baghdad', 'Iraq', '2021-01-21', 2, 32, null),
    r('2016-08-29', 'قتل 54 مجندا في تفجير انتحاري تبناه تنظيم الدولة في مدينة عدن.', 'Suicide bomb', 'Islamic State (Yemen)', null, 'عدن', 'Aden', 'Yemen', '2016-08-29', 2, 54, null),
    r('2019-12-28', 'قتل 79 شخصا في هجوم انتحاري بسيارة مفخخة تبنته حركة الشباب المجاهدين في مقديشو.', 'Suicide bomb', 'Al Shabaab', null, 'مقديشو', 'Mogadishu', 'Somalia', '2019-12-28', 2, 79, null),
    r('2016-01-07', 'قتل 65 شخصا في تفجير انتحاري بشاحنة مفخخة في مدينة زليتن.', 'Suicide bomb', 'Unidentified Armed Group (Libya)', null, 'زليتن', 'Zliten', 'Libya', '2016-01-07', 2, 65, null),
    r('2015-03-20', 'فجر انتحاريون أنفسهم في مسجدين بمدينة صنعاء، ما أدى إلى مقتل 137 شخصا.', 'Suicide bomb', 'Unidentified Armed Group (Yemen)', null, 'صنعاء', 'Sana\'a', 'Yemen', '2015-03-20', 2, 137, null),
    r('2023-03-01', 'فجر انتحاري حزاما ناسفا في سوق مدينة بلدوين.', 'Suicide bomb', 'Unidentified Armed Group (Somalia)', null, 'بلدوين', 'Beledweyne', 'Somalia', '2023-03-01', 2, 0, null),
    // Shelling/artillery/missile attack
    // a verb joined by و opens its own clause: the capital the group holds is not where it shells, and it shares the subject
    r('2015-08-15', 'قالت الوكالة إن قوات فجر ليبيا تسيطر على العاصمة طرابلس وتقصف مواقع تنظيم داعش في مدينة سرت.', 'Shelling/artillery/missile attack', 'Libya Dawn', 'Islamic State (Libya)', 'سرت', 'Sirte', 'Libya', '2015-08-15', 2, 0, null),
    // a name in quotation marks after its cue word
    r('2019-05-12', 'قصفت قوات النظام بلدة “اللطامنة” بالمدفعية الثقيلة اليوم.', 'Shelling/artillery/missile attack', 'Military Forces of Syria (2000-2024)', null, 'اللطامنة', 'Al Lataminah', 'Syria', '2019-05-12', 1, 0, null),
    r('2024-06-02', 'قصفت قوات الدعم السريع أحياء مدينة الأبيض بالمدفعية الثقيلة أمس، ما أدى إلى مقتل 5 مدنيين.', 'Shelling/artillery/missile attack', 'Rapid Support Forces', 'Civilians (Sudan)', 'الأبيض', 'Al Ubayyid', 'Sudan', '2024-06-01', 1, 5, null),
    r('2023-11-20', 'قصفت المدفعية الإسرائيلية أطراف بلدة الخيام جنوب لبنان.', 'Shelling/artillery/missile attack', 'Military Forces of Israel (2022-)', null, 'أطراف بلدة الخيام', 'El Khiyam (near)', 'Lebanon', '2023-11-20', 2, 0, null),
    r('2022-03-03', 'قصفت حركة الشباب المجاهدين قاعدة عسكرية في مدينة بيدوا بقذائف الهاون.', 'Shelling/artillery/missile attack', 'Al Shabaab', null, 'بيدوا', 'Baidoa', 'Somalia', '2022-03-03', 2, 0, null),
    r('2019-05-12', 'قصفت قوات النظام بلدة كفرنبل بالصواريخ، ما أدى إلى مقتل 6 مدنيين.', 'Shelling/artillery/missile attack', 'Military Forces of Syria (2000-2024)', 'Civilians (Syria)', 'كفرنبل', 'Kafr Nabl', 'Syria', '2019-05-12', 2, 6, null),
    r('2024-01-08', 'سقطت قذائف مدفعية على مدينة الفاشر أمس، وأصيب 10 أشخاص.', 'Shelling/artillery/missile attack', 'Unidentified Armed Group (Sudan)', null, 'الفاشر', 'El Fasher', 'Sudan', '2024-01-07', 1, 0, 10),
    r('2018-07-01', 'قصفت قوات الجيش الوطني الليبي أحياء مدينة درنة بالمدفعية.', 'Shelling/artillery/missile attack', 'Military Forces of Libya (2014-) Libyan National Army', null, 'درنة', 'Darnah', 'Libya', '2018-07-01', 2, 0, null),
    // a verb phrase around its subject (VSO): أطلق … صواريخ with the group named between
    r('2024-02-14', 'أطلق حزب الله صواريخ على بلدة كريات شمونة صباح اليوم.', 'Shelling/artillery/missile attack', 'Hezbollah', null, 'كريات شمونة', 'Kiryat Shmona', 'Israel', '2024-02-14', 1, 0, null),
    r('2023-10-20', 'أطلقت حركة حماس صواريخ على مدينة عسقلان أمس.', 'Shelling/artillery/missile attack', 'Hamas Movement', null, 'عسقلان', 'Ashkelon', 'Israel', '2023-10-19', 1, 0, null),
    r('2019-01-20', 'سقطت قذيفة هاون على مدرسة في مدينة الفوعة، ما أسفر عن مقتل طفلين.', 'Shelling/artillery/missile attack', 'Unidentified Armed Group (Syria)', null, 'الفوعة', 'Al Fu\'ah', 'Syria', '2019-01-20', 2, 2, null),
    // Remote explosive/landmine/IED
    r('2018-05-22', 'انفجرت سيارة مفخخة قرب مقر حكومي في مدينة عفرين، وقتل 5 أشخاص.', 'Remote explosive/landmine/IED', 'Unidentified Armed Group (Syria)', null, 'عفرين', '\'Afrin', 'Syria', '2018-05-22', 2, 5, null),
    r('2019-08-12', 'انفجرت عبوة ناسفة على طريق في مدينة الرمادي، ما أسفر عن مقتل شخصين.', 'Remote explosive/landmine/IED', 'Unidentified Armed Group (Iraq)', null, 'الرمادي', 'Ramadie', 'Iraq', '2019-08-12', 2, 2, null),
    r('2021-03-03', 'قتل جنديان بانفجار لغم أرضي في مدينة تاودني.', 'Remote explosive/landmine/IED', 'Unidentified Armed Group (Mali)', null, 'تاودني', 'Taoudenni', 'Mali', '2021-03-03', 2, 2, null),
    r('2020-10-05', 'انفجرت دراجة نارية مفخخة في مدينة الباب، ما أدى إلى مقتل 4 مدنيين.', 'Remote explosive/landmine/IED', 'Unidentified Armed Group (Syria)', 'Civilians (Syria)', 'الباب', 'Al Bab', 'Syria', '2020-10-05', 2, 4, null),
    r('2018-09-11', 'انفجرت عبوة ناسفة في سوق مدينة الشيخ زويد، ما أدى إلى إصابة 5 أشخاص.', 'Remote explosive/landmine/IED', 'Unidentified Armed Group (Egypt)', null, 'الشيخ زويد', 'Ash Shaykh Zuwayd', 'Egypt', '2018-09-11', 2, 0, 5),
    // Grenade
    r('2019-02-18', 'ألقى مجهولون قنبلة يدوية على منزل في مدينة البصرة.', 'Grenade', 'Unidentified Armed Group (Iraq)', null, 'البصرة', 'Basrah', 'Iraq', '2019-02-18', 2, 0, null),
    r('2023-07-30', 'أصيب 4 أشخاص بانفجار قنبلة يدوية ألقيت على متجر في مخيم عين الحلوة.', 'Grenade', 'Unidentified Armed Group (Lebanon)', null, 'مخيم عين الحلوة', 'Ain el Hiloue', 'Lebanon', '2023-07-30', 2, 0, 4),
    r('2018-03-14', 'انفجرت قنبلة يدوية في سوق مدينة جرش، وأصيب 3 أشخاص.', 'Grenade', 'Unidentified Armed Group (Jordan)', null, 'جرش', 'Jarash', 'Jordan', '2018-03-14', 2, 0, 3),
    r('2017-08-20', 'أصيب شرطيان في هجوم بقنبلة يدوية على مركز أمني في مدينة كركوك.', 'Grenade', 'Unidentified Armed Group (Iraq)', null, 'كركوك', 'Kirkuk', 'Iraq', '2017-08-20', 2, 0, 2),
    r('2020-12-01', 'ألقى مسلحون مجهولون قنبلتين يدويتين على محل صرافة في مدينة الحسكة.', 'Grenade', 'Unidentified Armed Group (Syria)', null, 'الحسكة', 'Al Hasakah', 'Syria', '2020-12-01', 2, 0, null),
    r('2023-04-29', 'ألقى مجهولون قنبلة يدوية على تجمع في مخيم الهول.', 'Grenade', 'Unidentified Armed Group (Syria)', null, 'مخيم الهول', 'Al-Hol camp', 'Syria', '2023-04-29', 2, 0, null),
  ]),
  ...section('Violence against civilians', [
    // Sexual violence
    r('2023-07-20', 'اغتصب عناصر من قوات الدعم السريع نساء في مدينة الجنينة.', 'Sexual violence', 'Rapid Support Forces', 'Civilians (Sudan)', 'الجنينة', 'El Geneina', 'Sudan', '2023-07-20', 2, 0, null),
    r('2024-02-11', 'وثقت منظمات حقوقية حالات اغتصاب ارتكبتها قوات الدعم السريع في مدينة ود مدني.', 'Sexual violence', 'Rapid Support Forces', null, 'ود مدني', 'Wad Medani', 'Sudan', '2024-02-11', 2, 0, null),
    r('2016-10-10', 'اغتصب عناصر من تنظيم داعش نساء في مدينة الموصل.', 'Sexual violence', 'Islamic State (Iraq)', 'Civilians (Iraq)', 'الموصل', 'Mosul', 'Iraq', '2016-10-10', 2, 0, null),
    r('2015-07-04', 'اغتصب مسلحون مجهولون امرأة في مدينة بنغازي.', 'Sexual violence', 'Unidentified Armed Group (Libya)', 'Civilians (Libya)', 'بنغازي', 'Benghazi', 'Libya', '2015-07-04', 2, 0, null),
    r('2022-01-20', 'اغتصب عناصر من الحوثيين فتاة في مدينة الحديدة.', 'Sexual violence', 'Military Forces of Yemen (2017-) Houthi', 'Civilians (Yemen)', 'الحديدة', 'Al Hudaydah', 'Yemen', '2022-01-20', 2, 0, null),
    r('2019-08-05', 'اغتصب جنود من الجيش السوداني نساء في مدينة الجنينة.', 'Sexual violence', 'Military Forces of Sudan (2019-)', 'Civilians (Sudan)', 'الجنينة', 'El Geneina', 'Sudan', '2019-08-05', 2, 0, null),
    r('2024-03-02', 'اغتصب عناصر من قوات الدعم السريع فتيات في مدينة الفاشر.', 'Sexual violence', 'Rapid Support Forces', null, 'الفاشر', 'El Fasher', 'Sudan', '2024-03-02', 2, 0, null),
    // Attack
    // a crucifixion (صلب) is an execution; its count is the dead
    r('2015-08-15', 'أقدم تنظيم داعش على صلب 5 أشخاص في مدينة سرت أمس.', 'Attack', 'Islamic State (Libya)', null, 'سرت', 'Sirte', 'Libya', '2015-08-14', 1, 5, null),
    r('2022-05-11', 'أطلق مسلحون مجهولون النار على مدنيين في بلدة طفس بريف درعا، ما أدى إلى مقتل 3 منهم.', 'Attack', 'Unidentified Armed Group (Syria)', 'Civilians (Syria)', 'طفس', 'Tafas', 'Syria', '2022-05-11', 2, 3, null),
    r('2015-12-08', 'أعدم تنظيم داعش 5 مدنيين في مدينة الرقة بتهمة التعامل مع التحالف.', 'Attack', 'Islamic State (Syria)', 'Civilians (Syria)', 'الرقة', 'Ar Raqqah', 'Syria', '2015-12-08', 2, 5, null),
    r('2023-10-12', 'قتل مستوطنون فلسطينيا في قرية قصرة جنوب نابلس.', 'Attack', 'Settlers (Israel)', null, 'قصرة', 'Qusra', 'Palestine', '2023-10-12', 2, 1, null),
    r('2018-12-02', 'ارتكب تنظيم داعش مجزرة بحق مدنيين في بلدة هجين.', 'Attack', 'Islamic State (Syria)', 'Civilians (Syria)', 'هجين', 'Hajin', 'Syria', '2018-12-02', 2, 0, null),
    r('2020-02-19', 'أطلق مسلحون مجهولون النار على مدنيين في سوق مدينة الرمادي، ما أسفر عن مقتل 4.', 'Attack', 'Unidentified Armed Group (Iraq)', 'Civilians (Iraq)', 'الرمادي', 'Ramadie', 'Iraq', '2020-02-19', 2, 4, null),
    r('2019-04-07', 'قتل مسلحون مجهولون 6 مدنيين في قرية قرب مدينة الموصل.', 'Attack', 'Unidentified Armed Group (Iraq)', 'Civilians (Iraq)', 'قرب مدينة الموصل', 'Mosul (near)', 'Iraq', '2019-04-07', 2, 6, null),
    // Abduction/forced disappearance
    // a road "بين X و Y" is one place, coded at the first town
    r('2019-05-12', 'اختطف مسلحون مجهولون ثلاثة سائقين على الطريق بين بني وليد ومصراتة أمس.', 'Abduction/forced disappearance', 'Unidentified Armed Group (Libya)', null, 'بني وليد', 'Bani Walid', 'Libya', '2019-05-11', 1, 0, null),
    r('2022-03-21', 'خطفت حركة الشباب المجاهدين عمال إغاثة في مدينة بلدوين.', 'Abduction/forced disappearance', 'Al Shabaab', 'Aid Workers (Somalia)', 'بلدوين', 'Beledweyne', 'Somalia', '2022-03-21', 2, 0, null),
    r('2016-06-01', 'اختطف تنظيم داعش 30 مدنيا من بلدة الحويجة.', 'Abduction/forced disappearance', 'Islamic State (Iraq)', 'Civilians (Iraq)', 'الحويجة', 'Al Hawijah', 'Iraq', '2016-06-01', 2, 0, null),
    r('2018-11-07', 'اختطف مسلحون مجهولون 3 مهندسين في مدينة سبها.', 'Abduction/forced disappearance', 'Unidentified Armed Group (Libya)', null, 'سبها', 'Sabha', 'Libya', '2018-11-07', 2, 0, null),
    r('2020-01-23', 'اختطفت حركة الشباب المجاهدين 5 مدنيين في بلدة جوهر.', 'Abduction/forced disappearance', 'Al Shabaab', 'Civilians (Somalia)', 'جوهر', 'Jawhar', 'Somalia', '2020-01-23', 2, 0, null),
    r('2017-10-02', 'اختطف مسلحون مجهولون صحفيا في مدينة عدن.', 'Abduction/forced disappearance', 'Unidentified Armed Group (Yemen)', null, 'عدن', 'Aden', 'Yemen', '2017-10-02', 2, 0, null),
  ]),
  ...section('Protests', [
    // Peaceful protest
    r('2023-08-25', 'خرج مئات المتظاهرين في مدينة السويداء يوم الخميس مطالبين برحيل النظام.', 'Peaceful protest', 'Protesters (Syria)', null, 'السويداء', 'As-Suwayda', 'Syria', '2023-08-24', 1, 0, null),
    r('2021-12-19', 'شارك آلاف السودانيين في مسيرات سلمية في مدينة أم درمان اليوم.', 'Peaceful protest', 'Protesters (Sudan)', null, 'أم درمان', 'Omdurman', 'Sudan', '2021-12-19', 1, 0, null),
    r('2020-01-15', 'اعتصم عشرات الخريجين أمام مبنى الوزارة في مدينة غزة للمطالبة بفرص عمل.', 'Peaceful protest', 'Protesters (Palestine)', null, 'غزة', 'Gaza', 'Palestine', '2020-01-15', 2, 0, null),
    r('2019-03-08', 'احتج مئات الطلاب في مدينة وهران على ترشح الرئيس لولاية خامسة.', 'Peaceful protest', 'Students (Algeria)', null, 'وهران', 'Oran', 'Algeria', '2019-03-08', 2, 0, null),
    r('2018-07-16', 'نفذ المعلمون إضرابا شاملا في مدينة البصرة احتجاجا على تأخر الرواتب.', 'Peaceful protest', 'Teachers (Iraq)', null, 'البصرة', 'Basrah', 'Iraq', '2018-07-16', 2, 0, null),
    r('2022-07-14', 'خرج آلاف المتظاهرين في مدينة الخرطوم للمطالبة بالحكم المدني.', 'Peaceful protest', 'Protesters (Sudan)', null, 'الخرطوم', 'Khartoum', 'Sudan', '2022-07-14', 2, 0, null),
    // Protest with intervention
    r('2019-10-26', 'فرقت الشرطة العراقية المتظاهرين في مدينة البصرة بالغاز المسيل للدموع.', 'Protest with intervention', 'Protesters (Iraq)', 'Police Forces of Iraq (2022-)', 'البصرة', 'Basrah', 'Iraq', '2019-10-26', 2, 0, null),
    r('2020-10-21', 'اعتقلت الشرطة المصرية عشرات المحتجين خلال مظاهرة في مدينة الجيزة.', 'Protest with intervention', 'Protesters (Egypt)', 'Police Forces of Egypt (2014-)', 'مدينة الجيزة', 'Giza', 'Egypt', '2020-10-21', 2, 0, null),
    r('2019-12-06', 'فرقت الشرطة المحتجين في مدينة النجف بالغاز المسيل للدموع.', 'Protest with intervention', 'Protesters (Iraq)', 'Police Forces of Iraq (2022-)', 'النجف', 'An Najaf', 'Iraq', '2019-12-06', 2, 0, null),
    r('2021-10-30', 'فرقت قوات الأمن السودانية المتظاهرين في مدينة أم درمان بالغاز المسيل للدموع.', 'Protest with intervention', 'Protesters (Sudan)', 'Police Forces of Sudan (2019-)', 'أم درمان', 'Omdurman', 'Sudan', '2021-10-30', 2, 0, null),
    r('2021-01-18', 'فرقت الشرطة التونسية المحتجين في مدينة القصرين بالغاز المسيل للدموع.', 'Protest with intervention', 'Protesters (Tunisia)', 'Police Forces of Tunisia (2019-)', 'القصرين', 'Al Qasrayn', 'Tunisia', '2021-01-18', 2, 0, null),
    // Excessive force against protesters
    r('2019-10-05', 'أطلقت قوات الأمن العراقية الرصاص الحي على المتظاهرين في مدينة الناصرية، ما أدى إلى مقتل 3 محتجين.', 'Excessive force against protesters', 'Protesters (Iraq)', 'Police Forces of Iraq (2022-)', 'الناصرية', 'An Nasiriyah', 'Iraq', '2019-10-05', 2, 3, null),
    r('2022-06-30', 'قتل 9 متظاهرين برصاص قوات الأمن في مدينة الخرطوم.', 'Excessive force against protesters', 'Protesters (Sudan)', 'Police Forces of Sudan (2019-)', 'الخرطوم', 'Khartoum', 'Sudan', '2022-06-30', 2, 9, null),
    r('2011-02-18', 'أطلق الجيش النار على المتظاهرين في مدينة بنغازي، وقتل 14 شخصا.', 'Excessive force against protesters', 'Protesters (Libya)', 'Military Forces of Libya (1969-2011)', 'بنغازي', 'Benghazi', 'Libya', '2011-02-18', 2, 14, null),
    r('2019-06-30', 'قتل 7 متظاهرين برصاص قوات الأمن في مدينة أم درمان.', 'Excessive force against protesters', 'Protesters (Sudan)', 'Police Forces of Sudan (2019-)', 'أم درمان', 'Omdurman', 'Sudan', '2019-06-30', 2, 7, null),
    r('2011-04-22', 'فتحت قوات الأمن النار على المحتجين في مدينة حمص، فقتلت 12 منهم.', 'Excessive force against protesters', 'Protesters (Syria)', 'Police Forces of Syria (2000-2024)', 'مدينة حمص', 'Homs', 'Syria', '2011-04-22', 2, 12, null),
  ]),
  ...section('Riots', [
    // Violent demonstration
    r('2019-11-28', 'أحرق محتجون غاضبون مبنى القنصلية الإيرانية في مدينة النجف.', 'Violent demonstration', 'Protesters (Iraq)', null, 'النجف', 'An Najaf', 'Iraq', '2019-11-28', 2, 0, null),
    r('2020-09-15', 'اقتحم محتجون مقر المحافظة في مدينة سبها وأضرموا النار فيه.', 'Violent demonstration', 'Protesters (Libya)', null, 'سبها', 'Sabha', 'Libya', '2020-09-15', 2, 0, null),
    r('2019-04-06', 'هاجم متظاهرون مركزا للشرطة في مدينة القامشلي بالحجارة.', 'Violent demonstration', 'Protesters (Syria)', 'Police Forces of Syria (2000-2024)', 'القامشلي', 'Al Qamishli', 'Syria', '2019-04-06', 2, 0, null),
    r('2019-11-27', 'أضرم محتجون النار في مقر حزب في مدينة الناصرية.', 'Violent demonstration', 'Protesters (Iraq)', null, 'الناصرية', 'An Nasiriyah', 'Iraq', '2019-11-27', 2, 0, null),
    r('2021-07-02', 'أحرق متظاهرون مبنى البلدية في مدينة طبرق.', 'Violent demonstration', 'Protesters (Libya)', null, 'طبرق', 'Tobruk', 'Libya', '2021-07-02', 2, 0, null),
    r('2019-02-20', 'اقتحم متظاهرون مبنى المحافظة في مدينة كربلاء.', 'Violent demonstration', 'Protesters (Iraq)', null, 'كربلاء', 'Kerbela', 'Iraq', '2019-02-20', 2, 0, null),
    // Mob violence
    r('2022-02-14', 'هاجم مستوطنون منازل الفلسطينيين في قرية بورين جنوب نابلس.', 'Mob violence', 'Settlers (Israel)', null, 'بورين', 'Burin', 'Palestine', '2022-02-14', 2, 0, null),
    r('2023-09-02', 'اقتحم المستوطنون قرية حوارة وأحرقوا عددا من السيارات.', 'Mob violence', 'Settlers (Israel)', null, 'حوارة', 'Huwwarah', 'Palestine', '2023-09-02', 2, 0, null),
    r('2023-06-11', 'هاجم مستوطنون قرية ترمسعيا وأحرقوا منازل.', 'Mob violence', 'Settlers (Israel)', null, 'ترمسعيا', 'Turmus\'ayya', 'Palestine', '2023-06-11', 2, 0, null),
    r('2022-10-27', 'اعتدى مستوطنون على مزارعين في بلدة حوارة.', 'Mob violence', 'Settlers (Israel)', 'Farmers (Palestine)', 'حوارة', 'Huwwarah', 'Palestine', '2022-10-27', 2, 0, null),
    r('2021-04-02', 'اعتدى مستوطنون على منازل في قرية المغير شرق رام الله.', 'Mob violence', 'Settlers (Israel)', null, 'المغير', 'Al Mughayyir', 'Palestine', '2021-04-02', 2, 0, null),
    r('2020-12-20', 'هاجم مستوطنون سيارات الفلسطينيين قرب بلدة سنجل.', 'Mob violence', 'Settlers (Israel)', null, 'قرب بلدة سنجل', 'Sinjil (near)', 'Palestine', '2020-12-20', 2, 0, null),
  ]),
  ...section('Strategic developments', [
    // Agreement
    r('2023-11-24', 'بدأت هدنة إنسانية في غزة صباح اليوم.', 'Agreement', null, null, 'غزة', 'Gaza', 'Palestine', '2023-11-24', 1, 0, null),
    r('2018-07-06', 'أبرمت فصائل المعارضة اتفاق تسوية مع القوات الروسية في مدينة بصرى الشام.', 'Agreement', 'Opposition Rebels (Syria)', 'Military Forces of Russia (2000-)', 'بصرى الشام', 'Busra ash Sham', 'Syria', '2018-07-06', 2, 0, null),
    r('2016-08-26', 'وقعت فصائل المعارضة اتفاق تسوية مع قوات النظام في مدينة داريا.', 'Agreement', 'Opposition Rebels (Syria)', 'Military Forces of Syria (2000-2024)', 'داريا', 'Darayya', 'Syria', '2016-08-26', 2, 0, null),
    r('2020-08-22', 'أعلنت حكومة الوفاق وقف إطلاق النار في مدينة سرت.', 'Agreement', 'Military Forces of Libya (2016-2021) Government of National Accord', null, 'سرت', 'Sirte', 'Libya', '2020-08-22', 2, 0, null),
    r('2016-02-27', 'دخلت هدنة وقف الأعمال العدائية حيز التنفيذ في مدينة حلب.', 'Agreement', null, null, 'حلب', 'Aleppo', 'Syria', '2016-02-27', 2, 0, null),
    // Arrests
    r('2018-02-11', 'اعتقلت قوات الأمن المصرية 12 شخصا في مدينة العريش.', 'Arrests', 'Police Forces of Egypt (2014-)', null, 'العريش', 'Al \'Arish', 'Egypt', '2018-02-11', 2, 0, null),
    r('2019-05-04', 'ألقت الشرطة التونسية القبض على 3 مشتبه بهم في مدينة القصرين.', 'Arrests', 'Police Forces of Tunisia (2019-)', null, 'القصرين', 'Al Qasrayn', 'Tunisia', '2019-05-04', 2, 0, null),
    r('2022-09-20', 'شنت القوات الإسرائيلية حملة اعتقالات في مدينة جنين طالت 15 فلسطينيا.', 'Arrests', 'Military Forces of Israel (2022-)', null, 'جنين', 'Jenin', 'Palestine', '2022-09-20', 2, 0, null),
    r('2025-02-03', 'اعتقلت قوات الأمن العام 5 أشخاص في مدينة حمص.', 'Arrests', 'Police Forces of Syria (2024-)', null, 'مدينة حمص', 'Homs', 'Syria', '2025-02-03', 2, 0, null),
    r('2021-04-10', 'أوقفت الشرطة الجزائرية ناشطا في مدينة تيزي وزو.', 'Arrests', 'Police Forces of Algeria (2019-)', null, 'تيزي وزو', 'Tizi Ouzou', 'Algeria', '2021-04-10', 2, 0, null),
    r('2020-03-12', 'اعتقلت قوات سوريا الديمقراطية 20 شخصا في مدينة الرقة.', 'Arrests', 'QSD: Syrian Democratic Forces', null, 'الرقة', 'Ar Raqqah', 'Syria', '2020-03-12', 2, 0, null),
    // Change to group/activity
    r('2017-01-28', 'أعلنت فصائل معارضة اندماجها في هيئة تحرير الشام في مدينة إدلب.', 'Change to group/activity', 'Opposition Rebels (Syria)', 'HTS: Hayat Tahrir al Sham', 'إدلب', 'Idlib', 'Syria', '2017-01-28', 2, 0, null),
    r('2021-04-10', 'انشق قائد ميداني عن حركة الشباب المجاهدين في مدينة بيدوا.', 'Change to group/activity', 'Al Shabaab', null, 'بيدوا', 'Baidoa', 'Somalia', '2021-04-10', 2, 0, null),
    r('2019-03-24', 'أعلن تشكيل غرفة عمليات مشتركة في مدينة درنة.', 'Change to group/activity', null, null, 'درنة', 'Darnah', 'Libya', '2019-03-24', 2, 0, null),
    r('2015-11-13', 'بايعت جماعة مسلحة تنظيم داعش في مدينة درنة.', 'Change to group/activity', 'Unidentified Armed Group (Libya)', 'Islamic State (Libya)', 'درنة', 'Darnah', 'Libya', '2015-11-13', 2, 0, null),
    r('2018-02-18', 'أعلن فصيلان الاندماج في مدينة عفرين.', 'Change to group/activity', null, null, 'عفرين', '\'Afrin', 'Syria', '2018-02-18', 2, 0, null),
    // Disrupted weapons use
    r('2023-06-14', 'أعلنت الدفاعات الجوية السعودية اعتراض وتدمير طائرة مسيرة مفخخة أطلقها الحوثيون باتجاه مدينة نجران.', 'Disrupted weapons use', 'Military Forces of Saudi Arabia (2015-)', 'Military Forces of Yemen (2017-) Houthi', 'نجران', 'Najran', 'Saudi Arabia', '2023-06-14', 2, 0, null),
    r('2022-03-21', 'اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان.', 'Disrupted weapons use', 'Military Forces of Saudi Arabia (2015-)', 'Military Forces of Yemen (2017-) Houthi', 'جازان', 'Jizan', 'Saudi Arabia', '2022-03-21', 2, 0, null),
    r('2021-07-14', 'فككت قوات الأمن العراقية عبوة ناسفة في مدينة الفلوجة.', 'Disrupted weapons use', 'Police Forces of Iraq (2022-)', null, 'الفلوجة', 'Al Fallujah', 'Iraq', '2021-07-14', 2, 0, null),
    r('2023-02-08', 'أحبطت قوات الأمن هجوما انتحاريا في مدينة مقديشو.', 'Disrupted weapons use', 'Police Forces of Somalia (2022-)', null, 'مقديشو', 'Mogadishu', 'Somalia', '2023-02-08', 2, 0, null),
    r('2021-11-09', 'فككت قوات الهندسة عبوة ناسفة في مدينة البصرة.', 'Disrupted weapons use', null, null, 'البصرة', 'Basrah', 'Iraq', '2021-11-09', 2, 0, null),
    r('2022-04-18', 'أحبطت قوات الأمن تفجير سيارة مفخخة في مدينة كركوك.', 'Disrupted weapons use', 'Police Forces of Iraq (2022-)', null, 'كركوك', 'Kirkuk', 'Iraq', '2022-04-18', 2, 0, null),
    // Headquarters or base established
    r('2018-05-03', 'أنشأت هيئة تحرير الشام مقرا جديدا في بلدة سرمدا.', 'Headquarters or base established', 'HTS: Hayat Tahrir al Sham', null, 'سرمدا', 'Sarmada', 'Syria', '2018-05-03', 2, 0, null),
    r('2019-02-04', 'اتخذ تنظيم داعش مقرا جديدا في بلدة الباب.', 'Headquarters or base established', 'Islamic State (Syria)', null, 'الباب', 'Al Bab', 'Syria', '2019-02-04', 2, 0, null),
    r('2020-03-09', 'أنشأت حركة الشباب المجاهدين معسكرا جديدا في بلدة جلب.', 'Headquarters or base established', 'Al Shabaab', null, 'جلب', 'Jilib', 'Somalia', '2020-03-09', 2, 0, null),
    r('2015-06-02', 'اتخذ مسلحو أنصار الشريعة مقرا جديدا في مدينة درنة.', 'Headquarters or base established', 'Ansar al Sharia (Libya)', null, 'درنة', 'Darnah', 'Libya', '2015-06-02', 2, 0, null),
    r('2019-06-12', 'أنشأ تنظيم داعش مقرا جديدا في بلدة البوكمال.', 'Headquarters or base established', 'Islamic State (Syria)', null, 'البوكمال', 'Albu Kamal', 'Syria', '2019-06-12', 2, 0, null),
    // Looting/property destruction
    r('2022-11-02', 'هدمت قوات الاحتلال منزلا في بلدة سلوان.', 'Looting/property destruction', 'Military Forces of Israel (2022-)', null, 'سلوان', 'Silwan', 'Palestine', '2022-11-02', 2, 0, null),
    r('2021-02-08', 'جرفت جرافات الاحتلال أراضي زراعية في بلدة بيت أمر.', 'Looting/property destruction', null, null, 'بيت أمر', 'Beit Ummar', 'Palestine', '2021-02-08', 2, 0, null),
    r('2018-01-30', 'دمر تنظيم داعش مرقدا في مدينة الحويجة.', 'Looting/property destruction', 'Islamic State (Iraq)', null, 'الحويجة', 'Al Hawijah', 'Iraq', '2018-01-30', 2, 0, null),
    r('2023-06-02', 'نهبت قوات الدعم السريع متاجر في مدينة الخرطوم.', 'Looting/property destruction', 'Rapid Support Forces', null, 'الخرطوم', 'Khartoum', 'Sudan', '2023-06-02', 2, 0, null),
    r('2019-05-14', 'دمر تنظيم داعش كنيسة في مدينة الموصل.', 'Looting/property destruction', 'Islamic State (Iraq)', null, 'الموصل', 'Mosul', 'Iraq', '2019-05-14', 2, 0, null),
    // Non-violent transfer of territory
    r('2019-10-14', 'انسحبت قوات سوريا الديمقراطية من مدينة منبج وتسلمتها قوات النظام.', 'Non-violent transfer of territory', 'Military Forces of Syria (2000-2024)', 'QSD: Syrian Democratic Forces', 'منبج', 'Manbij', 'Syria', '2019-10-14', 2, 0, null),
    r('2024-04-10', 'تسلمت قوات درع الوطن مواقع في مدينة عدن من الانتقالي دون قتال.', 'Non-violent transfer of territory', 'Military Forces of Yemen (2022-) Presidential Leadership Council - Nation Shield Forces', null, 'عدن', 'Aden', 'Yemen', '2024-04-10', 2, 0, null),
    r('2020-06-05', 'انسحبت قوات الجيش الوطني الليبي من مدينة ترهونة.', 'Non-violent transfer of territory', 'Military Forces of Libya (2014-) Libyan National Army', null, 'ترهونة', 'Tarhuna', 'Libya', '2020-06-05', 2, 0, null),
    r('2018-07-20', 'تسلمت قوات النظام مواقع المعارضة في مدينة بصرى الشام دون قتال.', 'Non-violent transfer of territory', 'Military Forces of Syria (2000-2024)', null, 'بصرى الشام', 'Busra ash Sham', 'Syria', '2018-07-20', 2, 0, null),
    r('2017-10-17', 'انسحبت قوات البيشمركة من مدينة كركوك دون قتال.', 'Non-violent transfer of territory', 'Military Forces of Iraq (2022-) Peshmerga', null, 'كركوك', 'Kirkuk', 'Iraq', '2017-10-17', 2, 0, null),
    // Other
    r('2023-04-20', 'أعلن الجيش السوداني حالة الطوارئ في مدينة الأبيض.', 'Other', 'Military Forces of Sudan (2019-)', null, 'الأبيض', 'Al Ubayyid', 'Sudan', '2023-04-20', 2, 0, null),
    r('2019-06-02', 'أرسلت القوات التركية تعزيزات عسكرية إلى مدينة إدلب.', 'Other', 'Military Forces of Turkey (2016-)', null, 'إدلب', 'Idlib', 'Syria', '2019-06-02', 2, 0, null),
    r('2019-10-28', 'أنشأت القوات التركية قاعدة عسكرية جديدة في بلدة تل أبيض.', 'Other', 'Military Forces of Turkey (2016-)', null, 'تل أبيض', 'Tall Abyad', 'Syria', '2019-10-28', 2, 0, null),
    r('2017-09-19', 'أقام الحشد الشعبي معسكرا جديدا قرب مدينة تلعفر.', 'Other', 'Military Forces of Iraq (2022-) Popular Mobilization Forces', null, 'قرب مدينة تلعفر', 'Tall \'Afar (near)', 'Iraq', '2017-09-19', 2, 0, null),
    r('2015-02-19', 'أعلنت السلطات التعبئة العامة في مدينة مصراتة.', 'Other', null, null, 'مصراتة', 'Misrata', 'Libya', '2015-02-19', 2, 0, null),
    r('2020-04-01', 'فرضت قوات الأمن حظر التجول في مدينة الموصل.', 'Other', 'Police Forces of Iraq (2022-)', null, 'الموصل', 'Mosul', 'Iraq', '2020-04-01', 2, 0, null),
    r('2016-09-01', 'أرسل الجيش العراقي تعزيزات عسكرية إلى قضاء مخمور.', 'Other', 'Military Forces of Iraq (2022-)', null, 'مخمور', 'Makhmur', 'Iraq', '2016-09-01', 2, 0, null),
  ]),
];

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

/** Every evidence span is a slice of the original text, and names the field it supports. */
function checkEvidence(doc: MarsadDocument, e: EventRecord): void {
  for (const ev of e.evidence) {
    expect(ev.end).toBeGreaterThan(ev.start);
    expect(doc.text.slice(ev.start, ev.end)).toBe(ev.text);
  }
  const fields = new Set(e.evidence.map((ev) => ev.field));
  expect(fields.has('eventType')).toBe(true);
  expect(fields.has('location')).toBe(true);
  // an actor the text names has its words as evidence; an inferred one (Unidentified, Protesters) has none
  if (e.actor1?.nameAr) expect(e.evidence.find((ev) => ev.field === 'actor1')?.text).toBe(e.actor1.nameAr);
  if (e.actor2?.nameAr) expect(e.evidence.find((ev) => ev.field === 'actor2')?.text).toBe(e.actor2.nameAr);
  if (e.fatalities) expect(fields.has('fatalities')).toBe(true);
  if (e.injured) expect(fields.has('injured')).toBe(true);
  if (e.timePrecision === 1) expect(fields.has('date')).toBe(true);
  expect(e.rules.eventType).toBeTruthy();
}

describe('the table covers the ontology', () => {
  it.each(Object.entries(SUB_EVENT_TYPES).flatMap(([type, subs]) => subs.map((s) => [type, s])))('%s / %s has at least five sentences', (type, sub) => {
    const mine = rows.filter((x) => x.subEventType === sub);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    for (const x of mine) expect(x.eventType).toBe(type);
  });
});

describe('one sentence, one event, every field', () => {
  it.each(rows)('$subEventType: $text', (row) => {
    const doc = extract({ id: 'sub-events-test', text: row.text, publishedAt: row.pub });
    expect(doc.events).toHaveLength(1);
    const e = doc.events[0];
    expect({
      eventType: e.eventType,
      subEventType: e.subEventType,
      actor1: e.actor1?.name ?? null,
      actor2: e.actor2?.name ?? null,
      placeAr: e.location?.nameAr,
      place: e.location?.name,
      country: e.location?.country,
      date: e.date,
      precision: e.timePrecision,
      fatalities: e.fatalities,
      injured: e.injured,
    }).toEqual({
      eventType: row.eventType,
      subEventType: row.subEventType,
      actor1: row.actor1,
      actor2: row.actor2,
      placeAr: row.placeAr,
      place: row.place,
      country: row.country,
      date: row.date,
      precision: row.precision,
      fatalities: row.fatalities,
      injured: row.injured,
    });
    checkEvidence(doc, e);
  });
});
